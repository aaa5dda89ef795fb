/**
 * The listeners and rules of a few named services, read by each service's owner account at the caller's
 * (interactive) priority: what a light read (no crawl) needs to place findings on their rules and offer
 * a rollback. One ListListeners per service, one ListRules per listener, one GetRule per rule — the
 * crawl's own reads (readServices.ts), for the services asked only. Services of accounts that are not
 * configured are skipped; failures become problems, never a throw.
 */
import 'server-only';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import { mapLimited } from '../aws/concurrency';
import { parseLatticeArn } from '../domain/arn';
import type { Listener, Problem, Rule } from '../domain/snapshot';
import { readListeners } from './readServices';
import { SegmentRun } from './segmentRun';

/** Services whose routes are read at once per (account, region). */
const ROUTES_PARALLEL = 8;

/** The routes read, and what failed. */
export interface LightRoutes {
  listeners: Listener[];
  rules: Rule[];
  problems: Problem[];
}

/** Reads the listeners and rules of `serviceArns` (deduplicated) in their owner accounts. */
export async function lightRoutes(
  factory: AwsClientFactory,
  serviceArns: Iterable<string>,
  opts: { user?: string } = {},
): Promise<LightRoutes> {
  const accounts = new Map((await listAccounts(factory)).map((a) => [a.accountId, a]));
  const bySegment = new Map<string, { run: SegmentRun; services: string[] }>();
  for (const arn of new Set(serviceArns)) {
    const p = parseLatticeArn(arn);
    const account = p?.kind === 'service' ? accounts.get(p.accountId) : undefined;
    if (!p || !account?.regions.includes(p.region)) continue;
    const key = `${p.accountId}|${p.region}`;
    let seg = bySegment.get(key);
    if (!seg) {
      seg = { run: new SegmentRun(account, p.region, () => undefined), services: [] };
      bySegment.set(key, seg);
    }
    seg.services.push(arn);
  }
  const segments = [...bySegment.values()];
  await Promise.all(
    segments.map(({ run, services }) => {
      const lattice = factory.gateways.lattice({
        accountId: run.accountId,
        region: run.region,
        ...(opts.user ? { user: opts.user } : {}),
      });
      return mapLimited(services, ROUTES_PARALLEL, (arn) => readListeners(lattice, run, arn));
    }),
  );
  return {
    listeners: segments.flatMap((s) => s.run.listeners),
    rules: segments.flatMap((s) => s.run.rules),
    problems: segments.flatMap((s) => s.run.problems),
  };
}
