/**
 * A log stream: its metadata and its chunks of events. New events go to the last chunk; a full
 * chunk is closed and a new one opened. Chunks may overlap in time when events arrive out of order;
 * readers merge them by event key (see scan.ts).
 */
import { Chunk, type EncodedEvent } from './chunk';
import type { FieldTable } from './fieldTable';

/** Stream statistics over its visible events, as DescribeLogStreams reports them. */
export interface StreamStats {
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
}

/** One stream of a group. */
export class LogStream {
  readonly chunks: Chunk[] = [];
  private nextChunkNo = 0;

  constructor(
    readonly name: string,
    /** Number of the stream within its group (part of event keys). */
    readonly no: number,
    readonly creationTime: number,
    private readonly table: FieldTable,
  ) {}

  /** Appends an event; returns the chunk it went to. */
  append(e: EncodedEvent): Chunk {
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.full) {
      chunk = new Chunk(this.nextChunkNo++, this.table);
      this.chunks.push(chunk);
    }
    chunk.insert(e);
    return chunk;
  }

  /** Live events (including those not yet visible). */
  get eventCount(): number {
    let n = 0;
    for (const c of this.chunks) n += c.live;
    return n;
  }

  /** Removes events with ts < cutoff; returns the bytes freed. Keeps the open chunk object. */
  trimBefore(cutoff: number): number {
    let freed = 0;
    for (const c of this.chunks) if (c.live > 0 && c.minTs < cutoff) freed += c.trimBefore(cutoff);
    const last = this.chunks[this.chunks.length - 1];
    for (let k = this.chunks.length - 1; k >= 0; k--) {
      const c = this.chunks[k] as Chunk;
      if (c.live === 0 && (c !== last || c.full)) this.chunks.splice(k, 1);
    }
    return freed;
  }

  /** First/last event timestamps and last ingestion time over events visible at `now`. */
  stats(now: number, cutoff: number): StreamStats {
    let first = Infinity;
    let last = -Infinity;
    let ing = -Infinity;
    for (const c of this.chunks) {
      if (c.live === 0) continue;
      if (c.maxIng <= now && c.minTs >= cutoff) {
        first = Math.min(first, c.minTs);
        last = Math.max(last, c.maxTs);
        ing = Math.max(ing, c.maxIng);
        continue;
      }
      for (let i = c.lowerBound(cutoff); i < c.length; i++) {
        const g = c.ing[i] as number;
        if (g > now) continue;
        const t = c.ts[i] as number;
        if (t < first) first = t;
        if (t > last) last = t;
        if (g > ing) ing = g;
      }
    }
    if (first === Infinity) return {};
    return { firstEventTimestamp: first, lastEventTimestamp: last, lastIngestionTime: ing };
  }
}
