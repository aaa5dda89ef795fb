/**
 * `npm run bench -- inventory [accounts=5] [services=600] [targetGroups=1800] [targets=18000] [rate=20] [latency=20]`:
 * the cross-account inventory crawl of the `fleet` scenario under a rate limit (see
 * bench/_inventoryMain.ts). lib/* modules import `server-only`, which only loads under the
 * `react-server` condition, so the benchmark runs in a child Node started with it.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default async function bench(args: string[]): Promise<void> {
  const main = join(dirname(fileURLToPath(import.meta.url)), '_inventoryMain.ts');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', main, ...args], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) process.exitCode = code;
}
