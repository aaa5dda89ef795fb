/**
 * `npm run bench -- triage [refreshes=5] [reloads=3]`: issue 11's "from opening `/` to the findings drawn".
 *  1. Server: refreshes of the findings report (lib/triage `triageReport`, what the "Now" page's server
 *     action runs) on `demo` and `fleet` (600 services), with queries and bytes scanned per refresh.
 *     lib/* modules import `server-only`, which only loads under the `react-server` condition, so this
 *     half runs in a child Node started with it (bench/_triageMain.ts).
 *  2. Browser: `/` opened in headless Chromium against the built console until the first finding or
 *     "All quiet" is visible, cold and warm (bench/_triageUi.ts; needs `npm run build`).
 * Targets: ≤ 3 s on demo, ≤ 6 s on fleet. Ports: BENCH_EMULATOR_PORT (4671), BENCH_APP_PORT (3071).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { triageUiBench } from './_triageUi';

export default async function bench(args: string[]): Promise<void> {
  const main = join(dirname(fileURLToPath(import.meta.url)), '_triageMain.ts');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', main, ...args.slice(0, 1)], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  process.stdout.write('\n');
  const uiOk = await triageUiBench(Number(args[1] ?? 3));
  if (code !== 0 || !uiOk) process.exitCode = code || 1;
}
