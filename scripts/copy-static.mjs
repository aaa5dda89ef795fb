/**
 * After `next build`: the standalone server serves `.next/static` and `public/` only if they sit
 * next to it, and Next does not copy them (they are meant for a CDN). Copy them, replacing old copies.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const standalone = join(root, '.next', 'standalone');
if (!existsSync(join(standalone, 'server.js'))) {
  process.stderr.write('copy-static: .next/standalone/server.js is missing; is `output: "standalone"` set in next.config.js?\n');
  process.exit(1);
}
const copies = [
  [join(root, '.next', 'static'), join(standalone, '.next', 'static')],
  [join(root, 'public'), join(standalone, 'public')],
];
for (const [from, to] of copies) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) {
    cpSync(from, to, { recursive: true });
    process.stdout.write(`copy-static: ${from.slice(root.length + 1)} -> ${to.slice(root.length + 1)}\n`);
  }
}
