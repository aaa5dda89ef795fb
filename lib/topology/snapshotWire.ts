import 'server-only';
/**
 * The topology route's body, kept per snapshot: the `Result` JSON of the compact wire form (lib/graph/wire),
 * its ETag (a hash of those bytes) and the gzip of them (made in the background, used once done). The inventory serves the same
 * `Snapshot` object while nothing changed (lib/inventory/mergeMemo), so an unchanged snapshot is never encoded,
 * serialised or compressed again; a client that already holds the version gets a 304 without a body.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Snapshot } from '../domain/snapshot';
import { encodeSnapshot } from '../graph/wire';

const gzipAsync = promisify(gzip);

/** One snapshot's body. */
export interface EncodedSnapshot {
  /** A strong ETag, quoted. */
  etag: string;
  /** `{ok: true, value: SnapshotWire}` as UTF-8 JSON. */
  json: Buffer;
  /** The same, gzipped: compressed off the event loop as soon as the body is made, once. */
  gzipped: Promise<Buffer>;
  /** The gzip once it is done (until then a request gets `json`: compressing is never on its path). */
  gzippedNow(): Buffer | undefined;
}

const cache = new WeakMap<Snapshot, EncodedSnapshot>();

/** The body of a snapshot, made once per snapshot object. */
export function encodedSnapshot(snapshot: Snapshot): EncodedSnapshot {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const json = Buffer.from(JSON.stringify({ ok: true, value: encodeSnapshot(snapshot) }));
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  let done: Buffer | undefined;
  const gzipped = gzipAsync(json, { level: 6 }).then((b) => {
    done = b;
    return b;
  });
  const out: EncodedSnapshot = { etag, json, gzipped, gzippedNow: () => done };
  cache.set(snapshot, out);
  return out;
}

/** True when an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** True when the request accepts a gzip body (`gzip` or `*`, with a q-value above 0). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}
