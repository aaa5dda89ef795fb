/**
 * After `next build`: the standalone server serves `.next/static` and `public/` only if they sit
 * next to it, and Next does not copy them (they are meant for a CDN). Copy them, replacing old copies.
 * Also writes the server-action policy (which actions mutate; see scripts/actionPolicy.ts) and
 * copies it next to the standalone server, where the proxy reads it. Puts the container's entry
 * point (deploy/start.mjs, the Dockerfile's CMD) beside server.js.
 */
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = process.cwd();
const standalone = join(root, '.next', 'standalone');
if (!existsSync(join(standalone, 'server.js'))) {
  process.stderr.write(
    'copy-static: .next/standalone/server.js is missing; is `output: "standalone"` set in next.config.js?\n',
  );
  process.exit(1);
}
const entryPoint = join(root, 'deploy', 'start.mjs');
if (!existsSync(entryPoint)) {
  process.stderr.write("copy-static: deploy/start.mjs (the image's CMD) is missing from the build context.\n");
  process.exit(1);
}
const { writeActionPolicy } = await tsImport('./actionPolicy.ts', import.meta.url);
const policy = writeActionPolicy(root);
process.stdout.write(
  `copy-static: action policy: ${policy.total} server action(s), mutating: ${policy.mutating.join(', ') || 'none'}\n`,
);
for (const name of policy.unknown) {
  process.stderr.write(
    `copy-static: WARNING: cannot tell whether ${name} mutates ` +
      `(its runAction spec is not an object literal or a const of its file); it is treated as mutating, ` +
      `so viewers get 403.\n`,
  );
}
// productionBrowserSourceMaps is off, yet Turbopack writes an empty, unreferenced `.map` for the
// chunk group of a Web Worker (the topology's layout worker): no source map is ever published.
for (const entry of readdirSync(join(root, '.next', 'static'), { recursive: true })) {
  if (String(entry).endsWith('.map')) rmSync(join(root, '.next', 'static', String(entry)));
}
const copies = [
  [policy.file, join(standalone, '.next', 'trellis-action-policy.json')],
  [join(root, '.next', 'static'), join(standalone, '.next', 'static')],
  [join(root, 'public'), join(standalone, 'public')],
  [entryPoint, join(standalone, 'start.mjs')],
];
for (const [from, to] of copies) {
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) {
    cpSync(from, to, { recursive: true });
    process.stdout.write(`copy-static: ${from.slice(root.length + 1)} -> ${to.slice(root.length + 1)}\n`);
  }
}
