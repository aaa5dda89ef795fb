import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../graph/wire';
import { demoLike } from '../graph/testing/fixtures';
import { acceptsGzip, encodedSnapshot, matchesEtag } from './snapshotWire';

describe('the topology route’s body', () => {
  it('is made once per snapshot object, and decodes back to the snapshot', async () => {
    const snap = demoLike();
    const a = encodedSnapshot(snap);
    expect(encodedSnapshot(snap)).toBe(a);
    const body = JSON.parse(a.json.toString('utf8'));
    expect(body.ok).toBe(true);
    expect(decodeSnapshot(body.value)).toEqual(snap);
    const zipped = await a.gzipped;
    expect(a.gzippedNow()).toBe(zipped);
    expect(gunzipSync(zipped).equals(a.json)).toBe(true);
  });

  it('has an ETag of its bytes: equal snapshots share it, a changed one does not', () => {
    const a = encodedSnapshot(demoLike());
    expect(encodedSnapshot(demoLike()).etag).toBe(a.etag);
    const changed = demoLike();
    changed.services[0]!.name = 'renamed';
    expect(encodedSnapshot(changed).etag).not.toBe(a.etag);
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
  });

  it('reads If-None-Match (lists, weak tags, *) and Accept-Encoding (q=0 refuses)', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip(null)).toBe(false);
  });
});
