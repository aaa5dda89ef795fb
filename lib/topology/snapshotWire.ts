import 'server-only';
/**
 * The topology route's body, kept per snapshot: the `Result` JSON of the compact wire form (lib/graph/wire),
 * its ETag (a hash of those bytes) and, once asked for, the gzip of them. The inventory serves the same
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
  /** The same, gzipped (made on the first request that accepts it, then kept). */
  gzipped(): Promise<Buffer>;
}

const cache = new WeakMap<Snapshot, EncodedSnapshot>();

/** The body of a snapshot, made once per snapshot object. */
export function encodedSnapshot(snapshot: Snapshot): EncodedSnapshot {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const json = Buffer.from(JSON.stringify({ ok: true, value: encodeSnapshot(snapshot) }));
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  let zipped: Promise<Buffer> | undefined;
  const out: EncodedSnapshot = {
    etag,
    json,
    gzipped: () => {
      zipped ??= gzipAsync(json, { level: 6 });
      return zipped;
    },
  };
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
