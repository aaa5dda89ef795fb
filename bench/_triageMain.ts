/**
 * The triage benchmark itself, run by bench/triage.ts in a Node started with the `react-server` condition.
 * For `demo` and `fleet` (5 accounts, 600 services): an in-process emulator, a client factory configured
 * like `npm run demo`; first a report of a cold process (no inventory yet: the light read of
 * lib/triage/scope.ts, reading health and routes itself), then the inventory read once (the page finds it cached) and
 * refreshes of the report:
 * the first one cold (it also runs the baseline's queries), the others warm (baseline cached). Prints wall
 * time, Logs Insights queries and bytes scanned per refresh, findings and errors, against the targets
 * (≤ 3 s demo, ≤ 6 s fleet; the page's own drawing is measured by the UI's benchmark).
 */
import { DEMO_EXTERNAL_ID, generatedAccounts, OPERATOR_ROLE } from '../emulator/scenarios/accounts';
import { getSnapshot } from '../lib/inventory';
import { resetTriageState, triageReport } from '../lib/triage/gather';
import { startAppHarness } from '../testing/appHarness';

const TARGETS_MS: Record<string, number> = { demo: 3000, fleet: 6000 };

async function one(scenario: 'demo' | 'fleet', refreshes: number): Promise<boolean> {
  const app = await startAppHarness({ scenario });
  try {
    const extra =
      scenario === 'fleet'
        ? {
            TRELLIS_ACCOUNTS: JSON.stringify(
              generatedAccounts(5).map((a, i) =>
                i === 0
                  ? { accountId: a.id, name: a.name }
                  : {
                      accountId: a.id,
                      name: a.name,
                      roleArn: `arn:aws:iam::${a.id}:role/${OPERATOR_ROLE}`,
                      externalId: DEMO_EXTERNAL_ID,
                    },
              ),
            ),
          }
        : {};
    // A cold process: the report does not wait for the crawl (lib/triage/scope.ts, the light read).
    const coldFactory = app.factory(extra);
    resetTriageState();
    const c0 = performance.now();
    const cold = await triageReport({ factory: coldFactory, pollMs: 50, reuseMs: 0 });
    const coldMs = performance.now() - c0;
    const factory = app.factory(extra);
    const t0 = performance.now();
    const snapshot = await getSnapshot({}, factory);
    const inventoryMs = performance.now() - t0;
    resetTriageState();
    const rows: string[] = [];
    let worst = 0;
    for (let i = 0; i < refreshes; i++) {
      const s = performance.now();
      const r = await triageReport({ factory, snapshot: async () => snapshot, pollMs: 50, reuseMs: 0 });
      const ms = performance.now() - s;
      worst = Math.max(worst, ms);
      rows.push(
        `  refresh ${i + 1}${i === 0 ? ' (cold)' : '       '}: ${ms.toFixed(0).padStart(5)} ms, ` +
          `${String(r.queries).padStart(3)} queries, ${(r.bytesScanned / 1e6).toFixed(1).padStart(6)} MB scanned, ` +
          `${r.findings.length} findings, ${r.errors.length} errors`,
      );
      if (i === 0 && r.errors.length > 0)
        rows.push(`    errors: ${r.errors.map((e) => `${e.accountId} ${e.source} ${e.code}`).join('; ')}`);
    }
    const target = TARGETS_MS[scenario]!;
    process.stdout.write(
      `${scenario}: ${snapshot.services.length} services, ${snapshot.targetGroups.length} target groups, ` +
        `${snapshot.accessLogSubscriptions.length} log subscriptions ` +
        `(inventory read once: ${inventoryMs.toFixed(0)} ms)\n` +
        `  cold process, no inventory yet: ${coldMs.toFixed(0).padStart(5)} ms, ` +
        `${cold.queries} queries, ` +
        `${(cold.bytesScanned / 1e6).toFixed(1)} MB scanned, ${cold.findings.length} findings\n` +
        `${rows.join('\n')}\n` +
        `  worst ${worst.toFixed(0)} ms vs target ${target} ms: ${worst <= target ? 'OK' : 'OVER'}\n`,
    );
    return worst <= target && coldMs <= target;
  } finally {
    await app.close();
  }
}

const refreshes = Number(process.argv[2] ?? 5);
const ok = [await one('demo', refreshes), await one('fleet', refreshes)];
if (ok.includes(false)) process.exitCode = 1;
