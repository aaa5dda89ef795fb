/**
 * Reading events in key order across chunks and streams. Every event has a key
 * (timestamp, stream number, chunk number, arrival number) that is unique within its group and
 * never changes, so pagination cursors stay valid while events arrive, expire or go out of order.
 * Chunks are merged with a binary heap, lazily: a page of 50 events touches ~50 events.
 */
import type { Chunk } from './chunk';
import type { LogStream } from './stream';

/** The key of an event. */
export interface EventKey {
  ts: number;
  stream: number;
  chunk: number;
  ord: number;
}

/** Where a scan is: the event at index `i` of `chunk` in `stream`. */
export interface EventPos {
  stream: LogStream;
  chunk: Chunk;
  i: number;
}

/** What and how to scan. Time bounds are inclusive; `after` is exclusive in the scan direction. */
export interface ScanOptions {
  dir: 'asc' | 'desc';
  after?: EventKey;
  startMs: number;
  endMs: number;
  /** Events ingested after `now` are not visible yet. */
  now: number;
  /** Events older than the retention cutoff are gone. */
  cutoff: number;
}

/** The key of a position. */
export function keyOf(p: EventPos): EventKey {
  return { ts: p.chunk.ts[p.i] as number, stream: p.stream.no, chunk: p.chunk.no, ord: p.chunk.ord[p.i] as number };
}

/** Encodes a key for a pagination cursor. */
export function formatKey(k: EventKey): string {
  return `${k.ts}:${k.stream}:${k.chunk}:${k.ord}`;
}

/** Decodes `formatKey` output; undefined when malformed. */
export function parseKey(s: string): EventKey | undefined {
  const parts = s.split(':');
  if (parts.length !== 4) return undefined;
  const [ts, stream, chunk, ord] = parts.map(Number) as [number, number, number, number];
  if (![ts, stream, chunk, ord].every(Number.isFinite)) return undefined;
  return { ts, stream, chunk, ord };
}

function cmp(ts: number, stream: number, chunk: number, ord: number, k: EventKey): number {
  return ts - k.ts || stream - k.stream || chunk - k.chunk || ord - k.ord;
}

interface Cursor {
  stream: LogStream;
  chunk: Chunk;
  i: number;
  stop: number;
}

function before(a: Cursor, b: Cursor, asc: boolean): boolean {
  const d =
    (a.chunk.ts[a.i] as number) - (b.chunk.ts[b.i] as number) ||
    a.stream.no - b.stream.no ||
    a.chunk.no - b.chunk.no ||
    (a.chunk.ord[a.i] as number) - (b.chunk.ord[b.i] as number);
  return asc ? d < 0 : d > 0;
}

function startCursor(stream: LogStream, chunk: Chunk, o: ScanOptions): Cursor | undefined {
  if (chunk.live === 0) return undefined;
  const lo = Math.max(o.startMs, o.cutoff);
  if (o.dir === 'asc') {
    let i = chunk.lowerBound(lo);
    const k = o.after;
    if (k && k.ts >= lo) {
      i = Math.max(i, chunk.lowerBound(k.ts));
      while (i < chunk.length && cmp(chunk.ts[i] as number, stream.no, chunk.no, chunk.ord[i] as number, k) <= 0) i++;
    }
    const stop = chunk.upperBound(o.endMs);
    return i < stop ? { stream, chunk, i, stop } : undefined;
  }
  let i = chunk.upperBound(o.endMs) - 1;
  const k = o.after;
  if (k && k.ts <= o.endMs) {
    i = Math.min(i, chunk.upperBound(k.ts) - 1);
    while (i >= chunk.start && cmp(chunk.ts[i] as number, stream.no, chunk.no, chunk.ord[i] as number, k) >= 0) i--;
  }
  const stop = chunk.lowerBound(lo) - 1;
  return i > stop ? { stream, chunk, i, stop } : undefined;
}

/** Events of `streams` in key order (ascending or descending) within the options' bounds. */
export function* scan(streams: readonly LogStream[], o: ScanOptions): Generator<EventPos> {
  const asc = o.dir === 'asc';
  const heap: Cursor[] = [];
  for (const s of streams) {
    for (const c of s.chunks) {
      const cur = startCursor(s, c, o);
      if (cur) push(heap, cur, asc);
    }
  }
  while (heap.length > 0) {
    const top = heap[0] as Cursor;
    const { chunk, i } = top;
    if ((chunk.ing[i] as number) <= o.now) yield { stream: top.stream, chunk, i };
    top.i += asc ? 1 : -1;
    if (top.i === top.stop) pop(heap, asc);
    else siftDown(heap, 0, asc);
  }
}

function push(heap: Cursor[], c: Cursor, asc: boolean): void {
  heap.push(c);
  let k = heap.length - 1;
  while (k > 0) {
    const parent = (k - 1) >> 1;
    if (!before(heap[k] as Cursor, heap[parent] as Cursor, asc)) break;
    [heap[k], heap[parent]] = [heap[parent] as Cursor, heap[k] as Cursor];
    k = parent;
  }
}

function pop(heap: Cursor[], asc: boolean): void {
  const last = heap.pop() as Cursor;
  if (heap.length === 0) return;
  heap[0] = last;
  siftDown(heap, 0, asc);
}

function siftDown(heap: Cursor[], k: number, asc: boolean): void {
  const n = heap.length;
  for (;;) {
    const l = 2 * k + 1;
    const r = l + 1;
    let best = k;
    if (l < n && before(heap[l] as Cursor, heap[best] as Cursor, asc)) best = l;
    if (r < n && before(heap[r] as Cursor, heap[best] as Cursor, asc)) best = r;
    if (best === k) return;
    [heap[k], heap[best]] = [heap[best] as Cursor, heap[k] as Cursor];
    k = best;
  }
}
