/**
 * A run of up to CHUNK_EVENTS events of one stream, kept sorted by timestamp (ties in arrival
 * order) in typed arrays. Flat JSON messages are held as a shape id plus column cells and rebuilt on
 * demand; other messages are kept as strings. Events older than the group's retention are trimmed
 * from the front (`start`), and a fully trimmed chunk is dropped by its stream.
 */
import type { FieldValue } from '../insights/source';
import { Column } from './column';
import { jsonText } from './encode';
import type { FieldTable } from './fieldTable';

/** Events per chunk; `ord` (arrival number within the chunk) must fit a Uint16Array. */
export const CHUNK_EVENTS = 4096;
const FIRST_CAPACITY = 32;

/** One event to insert: either a raw message or a shape plus its values in shape order. */
export interface EncodedEvent {
  timestamp: number;
  ingestionTime: number;
  /** UTF-8 bytes of the message. */
  size: number;
  shapeId: number;
  values?: readonly FieldValue[];
  raw?: string;
}

/** A chunk of one stream. */
export class Chunk {
  length = 0;
  /** Events before `start` were removed by retention. */
  start = 0;
  ts: Float64Array;
  ing: Float64Array;
  ord: Uint16Array;
  size: Uint32Array;
  shape: Uint16Array;
  raw: Array<string | undefined> | null = null;
  rawCount = 0;
  readonly columns = new Map<number, Column>();
  /** Latest ingestion time of the chunk: when it is ≤ now, every event is visible. */
  maxIng = -Infinity;
  /** UTF-8 bytes of the live events. */
  bytes = 0;
  private arrivals = 0;

  constructor(
    /** Number of the chunk within its stream (part of event keys). */
    readonly no: number,
    readonly table: FieldTable,
  ) {
    this.ts = new Float64Array(FIRST_CAPACITY);
    this.ing = new Float64Array(FIRST_CAPACITY);
    this.ord = new Uint16Array(FIRST_CAPACITY);
    this.size = new Uint32Array(FIRST_CAPACITY);
    this.shape = new Uint16Array(FIRST_CAPACITY);
  }

  /** No more events fit. */
  get full(): boolean {
    return this.arrivals >= CHUNK_EVENTS;
  }

  /** Live events. */
  get live(): number {
    return this.length - this.start;
  }

  get minTs(): number {
    return this.ts[this.start] as number;
  }

  get maxTs(): number {
    return this.ts[this.length - 1] as number;
  }

  /** Inserts an event at its timestamp position; returns its index. */
  insert(e: EncodedEvent): number {
    if (this.length === this.ts.length) this.grow(Math.min(CHUNK_EVENTS, this.ts.length * 2));
    let at = this.length;
    if (at > this.start && (this.ts[at - 1] as number) > e.timestamp) {
      at = this.upperBound(e.timestamp);
      this.shiftFrom(at);
    }
    this.ts[at] = e.timestamp;
    this.ing[at] = e.ingestionTime;
    this.ord[at] = this.arrivals++;
    this.size[at] = e.size;
    this.shape[at] = e.shapeId;
    this.length++;
    this.bytes += e.size;
    if (e.ingestionTime > this.maxIng) this.maxIng = e.ingestionTime;
    if (e.shapeId === 0) {
      if (!this.raw) this.raw = new Array<string | undefined>(this.ts.length);
      this.raw[at] = e.raw ?? '';
      this.rawCount++;
    } else {
      const ids = this.table.shape(e.shapeId).ids;
      const values = e.values ?? [];
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k] as number;
        let col = this.columns.get(id);
        if (!col) {
          col = new Column(this.ts.length, this.table.dicts[id]!);
          this.columns.set(id, col);
        }
        col.set(at, values[k]);
      }
    }
    return at;
  }

  private grow(capacity: number): void {
    const g = <T extends Float64Array | Uint16Array | Uint32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.ts = g(this.ts, new Float64Array(capacity));
    this.ing = g(this.ing, new Float64Array(capacity));
    this.ord = g(this.ord, new Uint16Array(capacity));
    this.size = g(this.size, new Uint32Array(capacity));
    this.shape = g(this.shape, new Uint16Array(capacity));
    if (this.raw) this.raw.length = capacity;
    for (const c of this.columns.values()) c.grow(capacity);
  }

  private shiftFrom(at: number): void {
    const n = this.length;
    this.ts.copyWithin(at + 1, at, n);
    this.ing.copyWithin(at + 1, at, n);
    this.ord.copyWithin(at + 1, at, n);
    this.size.copyWithin(at + 1, at, n);
    this.shape.copyWithin(at + 1, at, n);
    if (this.raw) {
      for (let i = n; i > at; i--) this.raw[i] = this.raw[i - 1];
      this.raw[at] = undefined;
    }
    for (const c of this.columns.values()) c.shift(at, n);
  }

  /** First live index with ts ≥ t. */
  lowerBound(t: number): number {
    let lo = this.start;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ts[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First live index with ts > t. */
  upperBound(t: number): number {
    let lo = this.start;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ts[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops the live events with ts < cutoff; returns the bytes freed. */
  trimBefore(cutoff: number): number {
    const end = this.lowerBound(cutoff);
    let freed = 0;
    for (let i = this.start; i < end; i++) {
      freed += this.size[i] as number;
      if (this.raw && this.raw[i] !== undefined) {
        this.raw[i] = undefined;
        this.rawCount--;
      }
    }
    this.start = end;
    this.bytes -= freed;
    return freed;
  }

  /** Whether event i is a stored-as-string message. */
  isRaw(i: number): boolean {
    return this.shape[i] === 0;
  }

  /** The message of event i, byte-exact as written. */
  message(i: number): string {
    const shapeId = this.shape[i] as number;
    if (shapeId === 0) return (this.raw as string[])[i] as string;
    const s = this.table.shape(shapeId);
    let out = '{';
    for (let k = 0; k < s.ids.length; k++) {
      if (k > 0) out += ',';
      out += (s.keyPrefixes[k] as string) + jsonText(this.columns.get(s.ids[k] as number)!.get(i));
    }
    return `${out}}`;
  }

  /** The value of a field of an encoded event (undefined for raw events or absent fields). */
  field(i: number, fieldId: number): FieldValue {
    return this.columns.get(fieldId)?.get(i);
  }
}
