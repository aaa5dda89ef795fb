/**
 * What the browser bundle may reach: components import from lib only client-safe modules (the pure parts
 * of a feature: lib/logs filters and query AST, lib/routing views and diffs, lib/triage types, lib/domain)
 * and the server actions of lib/actions ('use server': the browser gets references, not code). Following
 * every value import (type-only imports are erased) from components/ through lib/, no module reached may
 * be server-only, import the AWS SDK or import node:*. The `server-only` marker would fail the build too;
 * this names the import chain instead.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Value imports and re-exports (not `import type` / `export type`), with their specifiers. */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;

function resolveLib(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/')
    ? join(root, spec.slice(2))
    : spec.startsWith('.')
      ? resolve(dirname(from), spec)
      : '';
  if (!base) return undefined;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return undefined;
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/^\s*import\s+['"]server-only['"]/m, "is server-only (import 'server-only')"],
  [/from\s+['"]@aws-sdk\//, 'imports the AWS SDK'],
  [/from\s+['"]node:/, 'imports node:*'],
];

/** Problems found following value imports from `start`, each with its import chain. */
function walk(start: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const rel = relative(root, file);
    if (rel.startsWith(join('lib', 'actions'))) return;
    const text = readFileSync(file, 'utf8');
    if (rel.startsWith('lib'))
      for (const [re, what] of FORBIDDEN) if (re.test(text)) problems.push(`${[...chain, rel].join(' → ')} ${what}`);
    for (const m of text.matchAll(VALUE_IMPORT)) {
      const next = resolveLib(file, m[1] ?? '');
      if (next && (relative(root, next).startsWith('lib') || relative(root, next).startsWith('components')))
        visit(next, [...chain, rel]);
    }
  };
  visit(start, []);
  return problems;
}

describe('client imports', () => {
  it('catches a server-only module reached from a component (guards the walker)', () => {
    const chains = walk(join(root, 'lib', 'routing', 'applyChange.ts'));
    expect(chains.some((c) => c.includes('server-only'))).toBe(true);
  });

  it('no component reaches server-only code, the SDK or node:* through its value imports', () => {
    const problems = sources(join(root, 'components')).flatMap(walk);
    expect([...new Set(problems)]).toEqual([]);
  });
});
