/** lib/triage reaches lib/inventory only through its public module (index.ts), never its internals. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('lib/triage → lib/inventory', () => {
  it('imports only lib/inventory (its index), no file inside it', () => {
    const dir = join(__dirname);
    const offenders = sources(dir)
      .filter((file) => !file.endsWith('inventoryBoundary.test.ts'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '((?:\.\.\/)+inventory\/[^']+)'/g)].map(
          (m) => `${file.slice(dir.length + 1)}: ${m[1]}`,
        ),
      );
    expect(offenders).toEqual([]);
  });

  it('finds an internal import when there is one (the check itself works)', () => {
    const sample = "import { readLists } from '../inventory/readLists';";
    expect([...sample.matchAll(/from '((?:\.\.\/)+inventory\/[^']+)'/g)].map((m) => m[1])).toEqual([
      '../inventory/readLists',
    ]);
  });
});
