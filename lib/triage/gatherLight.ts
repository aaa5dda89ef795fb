/**
 * Completes a refresh on the light scope (scope.ts: no crawl yet) so that its report is the complete one:
 * the health of idle groups is read like any other (gatherFresh.ts, `everyGroup`), and here the listeners
 * and rules of the services the findings are about — the finding's rule, the canary role and the rollback
 * need them — through lib/inventory's `lightRoutes` (a few calls per service, interactive priority).
 * Server-only.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot, Target } from '../domain/snapshot';
import { lightRoutes } from '../inventory';
import { toPublicError } from '../security/publicError';
import type { CanaryInput } from './detect/canary';
import { isDown } from './detect/unhealthyTargets';
import { logCandidates } from './engine';
import type { Folded } from './fold';
import type { TriageError } from './types';
import { places } from './where';

/** The services whose routes the findings of this refresh need: of failing groups with traffic and running canaries. */
export function routeServices(
  snapshot: Snapshot,
  health: Record<string, Target[]>,
  folded: Folded | undefined,
  canaries: readonly CanaryInput[],
): string[] {
  const groups = new Set<string>();
  const services = new Set<string>(canaries.map((c) => c.target.serviceArn));
  // Down targets of a group that serves no traffic (the logs show none) are a standing, low-severity fact: its
  // rule is named once the inventory is there, and a cold fleet's report does not wait for dozens of routes.
  for (const [arn, targets] of Object.entries(health))
    if (targets.some(isDown) && (!folded || folded.tg[arn] !== undefined)) groups.add(arn);
  for (const c of folded ? logCandidates({ folded, places: places(snapshot) }) : []) {
    const w = c.finding.where;
    if (!w.targetGroupArn) continue;
    groups.add(w.targetGroupArn);
    if (w.serviceArn) services.add(w.serviceArn);
  }
  for (const g of snapshot.targetGroups) if (groups.has(g.arn)) for (const s of g.serviceArns) services.add(s);
  return [...services].sort();
}

const byArn = (a: { arn: string }, b: { arn: string }) => a.arn.localeCompare(b.arn);

/** The light snapshot with the routes of `services` read in; a failed read is an error of its account. */
export async function withRoutes(
  snapshot: Snapshot,
  services: readonly string[],
  factory: AwsClientFactory,
  user: string | undefined,
): Promise<{ snapshot: Snapshot; errors: TriageError[] }> {
  if (services.length === 0) return { snapshot, errors: [] };
  const routes = await lightRoutes(factory, services, user ? { user } : {});
  const errors = new Map<string, TriageError>();
  for (const p of routes.problems) {
    const key = `${p.accountId}|${p.region}`;
    if (errors.has(key)) continue;
    const info = toPublicError(p.error, factory.config.accounts);
    errors.set(key, {
      accountId: p.accountId,
      ...(p.region ? { region: p.region } : {}),
      source: 'inventory',
      code: info.code,
      message: `${p.operation}: ${info.message}`,
    });
  }
  return {
    snapshot: {
      ...snapshot,
      listeners: [...snapshot.listeners, ...routes.listeners].sort(byArn),
      rules: [...snapshot.rules, ...routes.rules].sort(byArn),
      problems: [...snapshot.problems, ...routes.problems],
    },
    errors: [...errors.values()],
  };
}
