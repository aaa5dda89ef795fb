import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStaleness } from './staleness';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'trellis-staleness-'));
  mkdirSync(join(root, 'lib', 'aws'), { recursive: true });
  writeFileSync(join(root, 'lib', 'aws', 'x.ts'), '');
  writeFileSync(join(root, 'lib', 'aws', 'x.test.ts'), '');
  return root;
}

function touch(path: string, secondsAgo: number): void {
  const t = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, t, t);
}

describe('buildStaleness', () => {
  it('asks for a build when there is none', () => {
    expect(buildStaleness(tree())).toBe('no build yet: .next/standalone/server.js is missing');
  });

  it('names the newest changed source, ignoring tests', () => {
    const root = tree();
    mkdirSync(join(root, '.next', 'standalone'), { recursive: true });
    const server = join(root, '.next', 'standalone', 'server.js');
    writeFileSync(server, '');
    touch(server, 100);
    touch(join(root, 'lib', 'aws', 'x.ts'), 200);
    touch(join(root, 'lib', 'aws', 'x.test.ts'), 10);
    expect(buildStaleness(root)).toBeUndefined();
    touch(join(root, 'lib', 'aws', 'x.ts'), 50);
    expect(buildStaleness(root)).toBe('lib/aws/x.ts changed after the last build');
  });
});
