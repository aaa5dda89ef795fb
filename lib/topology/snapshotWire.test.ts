import { describe, expect, it } from 'vitest';
import { decodeSnapshot } from '../graph/wire';
import { demoLike } from '../graph/testing/fixtures';
import { encodedSnapshot, matchesEtag } from './snapshotWire';

describe('the topology route’s body', () => {
  it('is made once per snapshot object, and decodes back to the snapshot', () => {
    const snap = demoLike();
    const a = encodedSnapshot(snap);
    expect(encodedSnapshot(snap)).toBe(a);
    const body = JSON.parse(a.json.toString('utf8'));
    expect(body.ok).toBe(true);
    expect(decodeSnapshot(body.value)).toEqual(snap);
  });

  it('has an ETag of its bytes: equal snapshots share it, a changed one does not', () => {
    const a = encodedSnapshot(demoLike());
    expect(encodedSnapshot(demoLike()).etag).toBe(a.etag);
    const changed = demoLike();
    changed.services[0]!.name = 'renamed';
    expect(encodedSnapshot(changed).etag).not.toBe(a.etag);
    expect(a.etag).toMatch(/^"[\w-]{32}"$/);
  });

  it('reads If-None-Match (lists, weak tags, *)', () => {
    expect(matchesEtag('"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', '"abc"')).toBe(true);
    expect(matchesEtag('*', '"abc"')).toBe(true);
    expect(matchesEtag('"abd"', '"abc"')).toBe(false);
    expect(matchesEtag(null, '"abc"')).toBe(false);
  });
});
