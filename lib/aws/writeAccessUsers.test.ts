/**
 * Who may grant write access: only a mutating server action (lib/actions/run.ts, after the server checked the
 * user may change things) and the canary runner. Anything else that called `withWriteAccess` would let its
 * callers hold the write role, so a new caller must be a deliberate change of this list.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
/** Where app code lives; tests and test support (`testing.ts`) may grant access to exercise writes. */
const DIRS = ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts'];
const GRANTERS = ['lib/actions/run.ts', 'lib/routing/canary/runner.ts'];

function sources(p: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(p, { withFileTypes: true });
  } catch {
    return /\.tsx?$/.test(p) ? [p] : [];
  }
  return entries.flatMap((e) => {
    const child = path.join(p, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(child);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && e.name !== 'testing.ts' ? [child] : [];
  });
}

describe('write access', () => {
  it('is granted only by mutating server actions and the canary runner', () => {
    const users = DIRS.flatMap((d) => sources(path.join(ROOT, d)))
      .filter((f) => /\bwithWriteAccess\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f))
      .sort();
    expect(users).toEqual(GRANTERS);
  });
});
