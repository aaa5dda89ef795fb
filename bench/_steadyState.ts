/**
 * The steady state of the inventory (part of `npm run bench -- inventory`): after the first full
 * crawl, the topology stays open for `minutes` minutes (a virtual clock: one refresh per minute, the
 * snapshot's TTL), with one change per minute made outside Trellis through the SDK (UpdateRule of a
 * weighted rule's weights) and one made through Trellis (lib/routing's write path, whose hook marks
 * the listener). Reports inventory calls per minute per account against 20 % of a full crawl per
 * minute, how many refreshes each outside change took to show (target ≤ 2) and whether each Trellis
 * change was in the very next snapshot.
 */
import type { AwsClientFactory } from '../lib/aws/clientFactory';
import { withWriteAccess } from '../lib/aws/writeAccess';
import type { Rule, Snapshot } from '../lib/domain/snapshot';
import { Inventory } from '../lib/inventory/inventory';
import { traced } from '../lib/observability/trace';
import { writeChange } from '../lib/routing/writeOps';
import type { AppHarness } from '../testing/appHarness';
import { setRuleWeights } from '../testing/rawAws';

/** What the steady state measured. */
export interface SteadyState {
  minutes: number;
  accounts: number;
  fullCrawlCalls: number;
  callsPerMinutePerAccount: number;
  /** Refreshes each outside change took to show (Infinity: never). */
  outsideLag: number[];
  /** Whether each Trellis change was in the next snapshot. */
  trellisAtOnce: boolean[];
  byOperation: Record<string, number>;
}

type Weighted = Rule & {
  priority: number;
  match: NonNullable<Rule['match']>;
  action: Extract<NonNullable<Rule['action']>, { type: 'forward' }>;
};

function weighted(snap: Snapshot): Weighted[] {
  return snap.rules.filter(
    (r): r is Weighted =>
      !r.isDefault &&
      r.priority !== undefined &&
      r.match !== undefined &&
      r.action?.type === 'forward' &&
      r.action.targetGroups.length === 2,
  );
}

function weightsOf(snap: Snapshot, arn: string): string {
  const a = snap.rules.find((r) => r.arn === arn)?.action;
  return a?.type === 'forward' ? a.targetGroups.map((t) => t.weight).join(',') : '';
}

async function changeThroughTrellis(factory: AwsClientFactory, rule: Weighted, weights: number[]): Promise<void> {
  const targetGroups = rule.action.targetGroups.map((t, i) => ({ ...t, weight: weights[i] ?? 0 }));
  // Trellis's own write path, with the grant a mutating action opens (write credentials exist only inside it).
  await withWriteAccess('bench: a change through Trellis', () =>
    writeChange(
      { factory, user: { id: 'bench', name: 'bench' }, now: Date.now },
      {
        kind: 'updateRule',
        serviceArn: rule.serviceArn,
        listenerArn: rule.listenerArn,
        ruleArn: rule.arn,
        expectedVersion: rule.lastUpdatedAt ?? '',
        after: { priority: rule.priority, match: rule.match, action: { ...rule.action, targetGroups } },
      },
    ),
  );
}

/** Runs the steady state on a factory whose inventory nobody has used yet. */
export async function steadyState(app: AppHarness, factory: AwsClientFactory, minutes: number): Promise<SteadyState> {
  let now = Date.now();
  const fullCalls: number[] = [];
  const byOperation: Record<string, number> = {};
  let incrementalCalls = 0;
  // The inventory lib/routing's hook reaches (`inventoryOf(factory)`), on a virtual clock.
  const inv = factory.state(
    'inventory',
    () =>
      new Inventory(factory, {
        now: () => now,
        maxStaleMs: 59_000,
        deadlineMs: 30 * 60_000,
        tuning: {
          fullEveryMs: factory.config.inventoryFullEveryMinutes * 60_000,
          sweepRefreshes: factory.config.inventorySweepRefreshes,
          healthRefreshes: factory.config.inventoryHealthRefreshes,
        },
        onCrawl: (r, full) => {
          if (full.length > 0) fullCalls.push(r.calls.total.calls);
          else
            for (const a of Object.values(r.calls.byAccount))
              for (const [op, c] of Object.entries(a.byOperation)) byOperation[op] = (byOperation[op] ?? 0) + c.calls;
        },
      }),
  );
  let snap = await inv.snapshot({ user: 'bench' });
  const rules = weighted(snap);
  const pending: Array<{ arn: string; want: string; at: number }> = [];
  const outsideLag: number[] = [];
  const trellisAtOnce: boolean[] = [];
  for (let m = 1; m <= minutes; m++) {
    const outside = rules[(2 * m) % rules.length] as Weighted;
    const w = [m * 7, 100 - m * 7];
    const ids = { serviceArn: outside.serviceArn, listenerArn: outside.listenerArn, ruleArn: outside.arn };
    const tgs = outside.action.targetGroups.map((t) => t.targetGroupArn);
    await setRuleWeights(app.h, ids, tgs, w, outside.accountId);
    pending.push({ arn: outside.arn, want: w.join(','), at: m });
    now += 60_000;
    const refresh = await traced(() => inv.snapshot({ user: 'bench' }));
    incrementalCalls += refresh.trace.awsCalls;
    snap = refresh.result;
    for (const p of [...pending]) {
      if (weightsOf(snap, p.arn) !== p.want) continue;
      outsideLag.push(m - p.at + 1);
      pending.splice(pending.indexOf(p), 1);
    }
    const mine = rules[(2 * m + 1) % rules.length] as Weighted;
    const tw = [m * 9, 100 - m * 9];
    await changeThroughTrellis(factory, mine, tw);
    now += 1000;
    const next = await traced(() => inv.snapshot({ user: 'bench' }));
    incrementalCalls += next.trace.awsCalls;
    trellisAtOnce.push(weightsOf(next.result, mine.arn) === tw.join(','));
  }
  const counted = { ...byOperation };
  // One more refresh (its calls not counted) gives the last minute's outside change its second refresh.
  now += 60_000;
  snap = await inv.snapshot({ user: 'bench' });
  for (const p of pending) outsideLag.push(weightsOf(snap, p.arn) === p.want ? minutes + 2 - p.at : Infinity);
  const accounts = snap.accounts.length;
  return {
    minutes,
    accounts,
    fullCrawlCalls: fullCalls[0] ?? 0,
    callsPerMinutePerAccount: incrementalCalls / minutes / accounts,
    outsideLag,
    trellisAtOnce,
    byOperation: counted,
  };
}

/** Previous figures (issue 14): the demo re-crawled in full about every 90 s while the topology was open. */
const BEFORE =
  'before: a full crawl about every 90 s while open (demo: 228 calls in 3 min; fleet: 6,130 calls per crawl)';

/** Prints the steady state with its targets. */
export function printSteadyState(s: SteadyState, line: (label: string, value: string, target?: string) => void): void {
  const fullPerAccount = s.fullCrawlCalls / s.accounts;
  const share = s.callsPerMinutePerAccount / fullPerAccount;
  const worstLag = Math.max(...s.outsideLag);
  process.stdout.write(`\nsteady state: topology open ${s.minutes} min, one outside + one Trellis change per minute\n`);
  line('full crawl (calls per account)', fullPerAccount.toFixed(0));
  line(
    'calls per minute per account',
    s.callsPerMinutePerAccount.toFixed(0),
    `${(share * 100).toFixed(1)} % of a full crawl per minute; target ≤ 20 % ${share <= 0.2 ? 'OK' : 'MISSED'}`,
  );
  line(
    'outside change visible after',
    `${Number.isFinite(worstLag) ? worstLag : 'never'} refreshes`,
    `each: ${s.outsideLag.join(', ')}; target ≤ 2 ${worstLag <= 2 ? 'OK' : 'MISSED'}`,
  );
  const atOnce = s.trellisAtOnce.filter(Boolean).length;
  line(
    'Trellis change in the next snapshot',
    `${atOnce}/${s.trellisAtOnce.length}`,
    `target all ${atOnce === s.trellisAtOnce.length ? 'OK' : 'MISSED'}`,
  );
  process.stdout.write(`${BEFORE}\n`);
  process.stdout.write(
    `refresh calls by operation (${s.minutes} min, all accounts): ${Object.entries(s.byOperation)
      .sort()
      .map(([op, n]) => `${op} ${n}`)
      .join(', ')}\n`,
  );
}
