/** Is the standalone build missing or older than the sources it is built from? */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Sources whose change needs a rebuild (directories are walked). */
export const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.js',
  'package.json',
  'tsconfig.json',
];

function newest(path: string): { file: string; mtimeMs: number } | undefined {
  if (!existsSync(path)) return undefined;
  const st = statSync(path);
  if (!st.isDirectory()) return { file: path, mtimeMs: st.mtimeMs };
  let best: { file: string; mtimeMs: number } | undefined;
  for (const entry of readdirSync(path)) {
    // Tests are not part of the build.
    if (/\.test\.tsx?$/.test(entry)) continue;
    const n = newest(join(path, entry));
    if (n && (!best || n.mtimeMs > best.mtimeMs)) best = n;
  }
  return best;
}

/** Why the build must be (re)made, or undefined when it is current. */
export function buildStaleness(root: string): string | undefined {
  const server = join(root, '.next', 'standalone', 'server.js');
  if (!existsSync(server)) return 'no build yet: .next/standalone/server.js is missing';
  const built = statSync(server).mtimeMs;
  let best: { file: string; mtimeMs: number } | undefined;
  for (const input of BUILD_INPUTS) {
    const n = newest(join(root, input));
    if (n && (!best || n.mtimeMs > best.mtimeMs)) best = n;
  }
  if (best && best.mtimeMs > built) return `${relative(root, best.file)} changed after the last build`;
  return undefined;
}
