/**
 * The services the routing page can open, from the inventory snapshot (cached, cross-account): those
 * owned by a configured account (only the owner can change listeners and rules). Accounts the
 * inventory could not read are reported, not fatal. Also names ARNs for the audit page.
 */
import 'server-only';
import type { Snapshot } from '../domain/snapshot';
import type { ServiceChoice, ServiceList } from './view';
import { getSnapshot } from '../inventory';
import type { RoutingContext } from './context';

function snapshotOf(ctx: RoutingContext): Promise<Snapshot> {
  return getSnapshot({ user: ctx.user.id }, ctx.factory);
}

/** Services owned by each configured account, by account name then service name. */
export async function listOwnedServices(ctx: RoutingContext): Promise<ServiceList> {
  const snap = await snapshotOf(ctx);
  const names = new Map(snap.accounts.map((a) => [a.accountId, a.name]));
  const services = snap.services
    .filter((s) => names.has(s.accountId))
    .map(
      (s): ServiceChoice => ({
        arn: s.arn,
        name: s.name,
        accountId: s.accountId,
        accountName: names.get(s.accountId) ?? s.accountId,
      }),
    )
    .sort((x, y) => x.accountName.localeCompare(y.accountName) || x.name.localeCompare(y.name));
  const problems = snap.accounts
    .filter((a) => !a.reachable && a.error)
    .map((a) => ({ accountId: a.accountId, accountName: a.name, error: a.error! }));
  return { services, problems };
}

/** Display names of services and target groups by ARN (best effort: unknown ARNs are left out). */
export async function resourceNames(ctx: RoutingContext, arns: Iterable<string>): Promise<Record<string, string>> {
  const wanted = new Set(arns);
  if (wanted.size === 0) return {};
  try {
    const snap = await snapshotOf(ctx);
    const out: Record<string, string> = {};
    for (const r of [...snap.services, ...snap.targetGroups]) if (wanted.has(r.arn)) out[r.arn] = r.name;
    return out;
  } catch {
    return {};
  }
}
