/**
 * The reads of a refresh that have no log lag (server-only): a fresh health read of the groups involved,
 * the audit log of the last hour and the running canary plans; and the public form of their errors.
 */
import 'server-only';
import type { AuditEvent } from '../audit/event';
import { queryAuditEvents } from '../audit/log';
import type { AwsClientFactory } from '../aws/clientFactory';
import { mapLimited } from '../aws/concurrency';
import { readTargetHealth } from '../aws/targetHealth';
import { parseLatticeArn } from '../domain/arn';
import { toErrorInfo } from '../domain/errors';
import type { Snapshot, Target } from '../domain/snapshot';
import { isActive } from '../routing/canary/plan';
import { discoverTargets } from '../routing/canary/runner';
import { readCanaryTags } from '../routing/canary/tags';
import { planArns } from '../routing/canary/targetAction';
import { toPublicError } from '../security/publicError';
import { CHANGE_LOOKBACK_MS } from './constants';
import type { CanaryInput } from './detect/canary';
import { isDown } from './detect/unhealthyTargets';
import type { TriageError } from './types';

/** Health reads per refresh at most (a fleet has thousands of groups; traffic and known trouble go first). */
export const MAX_HEALTH_READS = 200;
const HEALTH_PARALLEL = 8;

/** Logs Insights queries of a refresh and the bytes they scanned. */
export interface Cost {
  queries: number;
  bytesScanned: number;
}

/** The error as the browser may see it: AWS's words, without role ARNs or ExternalIds (lib/security). */
export function errorOf(
  accounts: AwsClientFactory['config']['accounts'],
  accountId: string,
  region: string | undefined,
  source: TriageError['source'],
  e: unknown,
): TriageError {
  const info = toPublicError(toErrorInfo(e), accounts);
  return { accountId, ...(region ? { region } : {}), source, code: info.code, message: info.message };
}

/** What else decides which groups' health is read. */
export interface HealthPick {
  /** Groups this process last saw with targets down (they stay read until they recover). */
  knownDown?: Iterable<string>;
  /**
   * Every listed group after those, one account at a time in turn (the light read: no inventory health
   * says which groups are down, so the cap is spread over every account's groups).
   */
  everyGroup?: boolean;
}

/** Round-robin over (account, region): the k-th group of every segment before the (k+1)-th of any. */
function interleaved(snapshot: Snapshot): string[] {
  const bySegment = new Map<string, string[]>();
  for (const g of snapshot.targetGroups) {
    const p = parseLatticeArn(g.arn);
    const key = `${p?.accountId}|${p?.region}`;
    const list = bySegment.get(key);
    if (list) list.push(g.arn);
    else bySegment.set(key, [g.arn]);
  }
  const lists = [...bySegment.values()];
  const out: string[] = [];
  for (let k = 0; lists.some((l) => k < l.length); k++) for (const l of lists) if (k < l.length) out.push(l[k]!);
  return out;
}

/**
 * Groups whose health is read now: known trouble first (this process's last reads, then the inventory's
 * cached health), then groups with traffic, then (`everyGroup`) the others; at most MAX_HEALTH_READS.
 */
export function healthGroups(snapshot: Snapshot, withTraffic: Iterable<string>, pick: HealthPick = {}): string[] {
  const out = new Set<string>(pick.knownDown ?? []);
  for (const [arn, targets] of Object.entries(snapshot.targets)) if (targets.some(isDown)) out.add(arn);
  for (const arn of withTraffic) out.add(arn);
  if (pick.everyGroup) for (const arn of interleaved(snapshot)) out.add(arn);
  const known = new Set(snapshot.targetGroups.map((g) => g.arn));
  return [...out].filter((a) => known.has(a)).slice(0, MAX_HEALTH_READS);
}

export async function gatherHealth(groups: string[], factory: AwsClientFactory, user: string | undefined) {
  const health: Record<string, Target[]> = {};
  const errors = new Map<string, TriageError>();
  await mapLimited(groups, HEALTH_PARALLEL, async (arn) => {
    try {
      health[arn] = await readTargetHealth(factory, arn, user);
    } catch (e) {
      const p = parseLatticeArn(arn);
      const k = `${p?.accountId}|${p?.region}`;
      if (!errors.has(k)) errors.set(k, errorOf(factory.config.accounts, p?.accountId ?? '', p?.region, 'health', e));
    }
  });
  return { health, errors: [...errors.values()] };
}

export async function gatherChanges(factory: AwsClientFactory, nowMs: number, cost: Cost) {
  try {
    const events = await queryAuditEvents(
      factory,
      {},
      { startMs: nowMs - CHANGE_LOOKBACK_MS - 15 * 60_000, endMs: nowMs + 60_000 },
    );
    cost.queries++;
    return { events, errors: [] as TriageError[] };
  } catch (e) {
    return {
      events: [] as AuditEvent[],
      errors: [errorOf(factory.config.accounts, factory.config.accounts?.[0]?.accountId ?? '', undefined, 'audit', e)],
    };
  }
}

export async function gatherCanaries(factory: AwsClientFactory, nowMs: number, user: string | undefined) {
  const ctx = { factory, user: { id: user ?? 'trellis-triage', name: user ?? 'triage' }, now: () => nowMs };
  try {
    const targets = await discoverTargets(factory, nowMs - 86_400_000);
    const found = await mapLimited(targets, 4, async (t) => {
      const { plan, state } = await readCanaryTags(ctx, t);
      if (!plan || !state || !isActive(state)) return undefined;
      const arns = planArns(t, plan);
      return { target: t, plan, state, stableArn: arns.stable, canaryArn: arns.canary } satisfies CanaryInput;
    });
    return { canaries: found.filter((c): c is CanaryInput => c !== undefined), errors: [] as TriageError[] };
  } catch (e) {
    return {
      canaries: [] as CanaryInput[],
      errors: [errorOf(factory.config.accounts, factory.config.accounts?.[0]?.accountId ?? '', undefined, 'audit', e)],
    };
  }
}
