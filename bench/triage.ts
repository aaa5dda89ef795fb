/**
 * `npm run bench -- triage [refreshes=5]`: one findings refresh (lib/triage `triageReport`, what the "Now"
 * page's server action runs) on the `demo` and the `fleet` (600 services) scenarios. lib/* modules import
 * `server-only`, which only loads under the `react-server` condition, so the benchmark runs in a child
 * Node started with it (bench/_triageMain.ts).
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export default async function bench(args: string[]): Promise<void> {
  const main = join(dirname(fileURLToPath(import.meta.url)), '_triageMain.ts');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', main, ...args], {
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) process.exitCode = code;
}
