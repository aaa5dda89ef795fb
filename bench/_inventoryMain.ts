/**
 * The inventory benchmark itself, run by bench/inventory.ts in a Node started with the
 * `react-server` condition (lib/* imports `server-only`).
 * `npm run bench -- inventory [accounts=5] [services=600] [targetGroups=1800] [targets=18000] [rate=20] [latency=20]`:
 * crawls the `fleet` scenario with an in-process emulator that adds `latency` ms to every call and
 * throttles VPC Lattice at `rate` calls/s per account (burst = rate), through a client factory
 * configured like `npm run demo` (hub keys, members through TrellisOperator). Prints the calls made
 * (total and per account), wall time against the lower bound (max over accounts of Lattice calls /
 * rate), throttled responses, and resources missing compared with the emulator's own summary.
 * Target: wall time ≤ 1.3 × the lower bound, nothing missing, no failed calls.
 * Then the steady state (bench/_steadyState.ts) for `minutes` minutes (0: skip) with a call budget of
 * `budget` requests/s (the counts do not depend on it; a smaller budget only makes the bench slower).
 */
import { generatedAccounts } from '../emulator/scenarios/accounts';
import { DEMO_EXTERNAL_ID, OPERATOR_ROLE } from '../emulator/scenarios/accounts';
import type { AccountConfig } from '../lib/config';
import { crawl } from '../lib/inventory/crawl';
import { mergeSegments } from '../lib/inventory/merge';
import { summaryOf, type SummaryCounts } from '../lib/inventory/testSupport';
import { startAppHarness } from '../testing/appHarness';
import { printSteadyState, steadyState } from './_steadyState';

const TARGET_RATIO = 1.3;

function argsOf(args: string[]): Record<string, number> {
  const out: Record<string, number> = {
    accounts: 5,
    services: 600,
    targetGroups: 1800,
    targets: 18_000,
    rate: 20,
    latency: 20,
    minutes: 5,
    budget: 20,
  };
  for (const a of args) {
    const [k, v] = a.split('=');
    if (!k || v === undefined || !(k in out) || !Number.isFinite(Number(v)))
      throw new Error(`bad argument '${a}'; use key=number with keys ${Object.keys(out).join(', ')}`);
    out[k] = Number(v);
  }
  return out;
}

/** Resources the emulator holds that the snapshot lacks, per kind (extra ones count as negative). */
function missing(expected: SummaryCounts, got: SummaryCounts): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [account, regions] of Object.entries(expected)) {
    for (const [region, counts] of Object.entries(regions)) {
      for (const [kind, n] of Object.entries(counts)) {
        const diff = n - (got[account]?.[region]?.[kind] ?? 0);
        if (diff !== 0) out[kind] = (out[kind] ?? 0) + diff;
      }
    }
  }
  return out;
}

/** Runs the benchmark; see the module comment. */
export async function runInventoryBench(args: string[]): Promise<void> {
  const p = argsOf(args);
  const t0 = Date.now();
  const app = await startAppHarness({
    scenario: 'fleet',
    params: { accounts: p.accounts, services: p.services, targetGroups: p.targetGroups, targets: p.targets },
  });
  const built = Date.now() - t0;
  try {
    const fleet = generatedAccounts(p.accounts!);
    const accounts: Array<Omit<AccountConfig, 'regions'>> = fleet.map((a, i) =>
      i === 0
        ? { accountId: a.id, name: a.name }
        : {
            accountId: a.id,
            name: a.name,
            roleArn: `arn:aws:iam::${a.id}:role/${OPERATOR_ROLE}`,
            externalId: DEMO_EXTERNAL_ID,
          },
    );
    const factory = app.factory({ TRELLIS_ACCOUNTS: JSON.stringify(accounts) });
    await app.h.control('POST', '/faults', { latencyMs: p.latency });
    for (const a of fleet)
      await app.h.control('POST', '/rate-limits', { account: a.id, service: 'vpc-lattice', ratePerSecond: p.rate });

    const configured = factory.config.accounts ?? [];
    const targets = configured.flatMap((account) => account.regions.map((region) => ({ account, region })));
    const result = await crawl(factory, targets, { user: 'bench', deadlineMs: 30 * 60_000 });
    const snap = mergeSegments(configured, result.segments);

    await app.clearFaults();
    const summary = (await app.h.control('GET', '/lattice/summary')).body as { accounts: SummaryCounts };
    const gaps = missing(summary.accounts, summaryOf(snap));
    const lattice = (ops: Record<string, { calls: number }>) =>
      Object.entries(ops)
        .filter(([op]) => op !== 'AssumeRole')
        .reduce((s, [, c]) => s + c.calls, 0);
    const perAccount = Object.entries(result.calls.byAccount).map(([id, c]) => ({
      id,
      calls: c.total.calls,
      lattice: lattice(c.byOperation),
      requests: c.total.requests,
      throttled: c.total.throttled,
      failed: c.total.failed,
    }));
    const lowerBoundS = Math.max(...perAccount.map((a) => a.lattice)) / p.rate!;
    const wallS = result.durationMs / 1000;
    const ratio = wallS / lowerBoundS;
    const t = result.calls.total;
    const line = (label: string, value: string, target = '') =>
      process.stdout.write(`${label.padEnd(34)} ${value.padStart(14)}  ${target}\n`);

    process.stdout.write(
      `fleet: ${p.accounts} accounts, ${p.services} services, ${p.targetGroups} target groups, ` +
        `${p.targets} targets (built in ${built} ms); ${p.latency} ms latency, ${p.rate} calls/s per account\n\n`,
    );
    line('calls (total)', String(t.calls));
    line('HTTP requests (with retries)', String(t.requests));
    line('throttled responses', String(t.throttled));
    line('failed calls', String(t.failed), 'target 0');
    for (const a of perAccount)
      line(`  ${a.id}`, `${a.calls} calls`, `${a.requests} requests, ${a.throttled} throttled, ${a.failed} failed`);
    line('wall time', `${wallS.toFixed(1)} s`);
    line('lower bound (max calls/acct / rate)', `${lowerBoundS.toFixed(1)} s`);
    line('ratio', `${ratio.toFixed(2)}×`, `target ≤ ${TARGET_RATIO}× ${ratio <= TARGET_RATIO ? 'OK' : 'MISSED'}`);
    line(
      'missing resources',
      String(Object.values(gaps).reduce((s, n) => s + n, 0)),
      Object.keys(gaps).length === 0 ? 'target 0 OK' : `MISSED ${JSON.stringify(gaps)}`,
    );
    line(
      'problems in snapshot',
      String(snap.problems.length),
      snap.problems.length === 0
        ? 'target 0 OK'
        : `MISSED ${snap.problems[0]?.operation}: ${snap.problems[0]?.error.message}`,
    );
    const ops = Object.entries(result.calls.byAccount).reduce<Record<string, number>>((acc, [, c]) => {
      for (const [op, n] of Object.entries(c.byOperation)) acc[op] = (acc[op] ?? 0) + n.calls;
      return acc;
    }, {});
    process.stdout.write(
      `\ncalls by operation: ${Object.entries(ops)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}\n`,
    );
    if (p.minutes! > 0) {
      const steadyFactory = app.factory({
        TRELLIS_ACCOUNTS: JSON.stringify(accounts),
        TRELLIS_CALL_BUDGET: String(p.budget),
      });
      printSteadyState(await steadyState(app, steadyFactory, p.minutes!), line);
    }
  } finally {
    await app.close();
  }
}

await runInventoryBench(process.argv.slice(2));
