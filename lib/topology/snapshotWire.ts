import 'server-only';
/**
 * The topology route's body, kept per snapshot: the `Result` JSON of the compact wire form (lib/graph/wire)
 * and its ETag (a hash of those bytes). The inventory serves the same `Snapshot` object while nothing changed
 * (lib/inventory/mergeMemo), so an unchanged snapshot is never encoded or serialised again; a client that
 * already holds the version gets a 304 without a body. Not gzipped here: Next (16.4) drops a route handler's
 * Content-Encoding header (send-response.ts), so compressing is left to the proxy in front.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '../domain/snapshot';
import { encodeSnapshot } from '../graph/wire';

/** One snapshot's body. */
export interface EncodedSnapshot {
  /** A strong ETag, quoted. */
  etag: string;
  /** `{ok: true, value: SnapshotWire}` as UTF-8 JSON. */
  json: Buffer;
}

const cache = new WeakMap<Snapshot, EncodedSnapshot>();

/** The body of a snapshot, made once per snapshot object. */
export function encodedSnapshot(snapshot: Snapshot): EncodedSnapshot {
  const hit = cache.get(snapshot);
  if (hit) return hit;
  const json = Buffer.from(JSON.stringify({ ok: true, value: encodeSnapshot(snapshot) }));
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"`;
  const out: EncodedSnapshot = { etag, json };
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
