/**
 * `npm run bench -- <name> [args]`: runs the benchmark `bench/<name>.ts` (its default export).
 * Benchmarks print their figures next to their targets; they never run inside `npm test`.
 */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.includes('.test.') && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''));

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${available.join('|')}> [args]\n`);
  process.exit(name ? 2 : 0);
}
const mod = (await import(pathToFileURL(`${here}/${name}.ts`).href)) as { default: (args: string[]) => Promise<void> };
await mod.default(args);
