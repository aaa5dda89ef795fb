/**
 * The SDK boundary: only lib/aws imports `@aws-sdk/*` (the gateways, their mappers and the client
 * factory); everything else in lib, app and components calls typed gateway methods with domain
 * types. And lib/aws stays at the bottom: it imports only the shared model, config and observability.
 * Generic: it scans whatever files exist, so code added later is checked too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'node_modules' ? [] : sources(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Static imports, re-exports, dynamic imports and requires of a module specifier. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1] ?? '');
}

const files = ['lib', 'app', 'components'].flatMap((d) => sources(join(root, d)));
const isAws = (file: string) => relative(root, file).startsWith(join('lib', 'aws'));

describe('the SDK boundary', () => {
  it('finds the SDK imports of lib/aws (guards the scanner itself)', () => {
    const inAws = files.filter((f) => isAws(f) && importsOf(f).some((s) => s.startsWith('@aws-sdk/')));
    const names = inAws.map((f) => relative(join(root, 'lib', 'aws'), f));
    expect(names).toEqual(expect.arrayContaining(['clientFactory.ts', 'latticeGateway.ts', 'logsGateway.ts']));
  });

  it('no file under lib, app or components outside lib/aws imports @aws-sdk/*', () => {
    const outside = files
      .filter((f) => !isAws(f) && importsOf(f).some((s) => s.startsWith('@aws-sdk/')))
      .map((f) => relative(root, f));
    expect(outside, 'call a LatticeGateway / LogsGateway method (lib/aws) instead').toEqual([]);
  });

  it('lib/aws code (tests aside) imports only the shared model, config and observability from the rest of lib', () => {
    const upward = files
      .filter((f) => isAws(f) && !/\.test\.tsx?$/.test(f))
      .flatMap((f) => importsOf(f).map((s) => ({ f: relative(root, f), s })))
      .filter(({ s }) => s.startsWith('../') && !/^\.\.\/(?:domain\/|config$|observability\/)/.test(s));
    expect(upward).toEqual([]);
  });
});
