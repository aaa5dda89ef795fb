/**
 * The store's side of the Logs Insights contract (insights/source.ts): a LogBatch is the visible
 * events of one chunk within a time range, read straight from the chunk's typed arrays and columns.
 */
import type { FieldReader, FieldValue, LogBatch, QuerySource } from '../insights/source';
import type { Chunk } from './chunk';
import { flattenMessage } from './flatten';
import type { LogGroup } from './group';
import type { LogStream } from './stream';

/** Visible events of one chunk: either the index range [from, from+length) or an explicit index list. */
export class ChunkBatch implements LogBatch {
  readonly length: number;
  private rawFields: Array<Record<string, FieldValue> | undefined> | undefined;
  private rawNames: Set<string> | undefined;

  constructor(
    private readonly group: LogGroup,
    private readonly stream: LogStream,
    private readonly chunk: Chunk,
    private readonly from: number,
    private readonly index: Uint32Array | undefined,
    length: number,
  ) {
    this.length = length;
  }

  get logGroupId(): string {
    return this.group.logGroupId;
  }

  /** Index in the chunk of batch event i. */
  pos(i: number): number {
    return this.index ? (this.index[i] as number) : this.from + i;
  }

  timestamp(i: number): number {
    return this.chunk.ts[this.pos(i)] as number;
  }

  ingestionTime(i: number): number {
    return this.chunk.ing[this.pos(i)] as number;
  }

  logStream(): string {
    return this.stream.name;
  }

  message(i: number): string {
    return this.chunk.message(this.pos(i));
  }

  messageBytes(i: number): number {
    return this.chunk.size[this.pos(i)] as number;
  }

  ptr(i: number): string {
    const p = this.pos(i);
    return Buffer.from(
      `${this.group.logGroupArn}|${this.stream.no}|${this.chunk.no}|${this.chunk.ord[p]}|${this.chunk.ts[p]}`,
    ).toString('base64url');
  }

  field(name: string): FieldReader | undefined {
    const id = this.group.table.lookup(name);
    const col = id === undefined ? undefined : this.chunk.columns.get(id);
    const raw = this.parseRaw();
    const inRaw = raw !== undefined && (this.rawNames as Set<string>).has(name);
    if (!col && !inRaw) return undefined;
    const chunk = this.chunk;
    return (i) => {
      const p = this.pos(i);
      if (chunk.shape[p] !== 0) return col?.get(p);
      return raw?.[i]?.[name];
    };
  }

  fieldNames(): readonly string[] {
    const names = new Set<string>();
    for (const id of this.chunk.columns.keys()) names.add(this.group.table.names[id] as string);
    if (this.parseRaw()) for (const n of this.rawNames as Set<string>) names.add(n);
    return [...names];
  }

  /** Flattened fields of the raw JSON messages of the batch, parsed once on first need. */
  private parseRaw(): Array<Record<string, FieldValue> | undefined> | undefined {
    if (this.chunk.rawCount === 0) return undefined;
    if (!this.rawFields) {
      const fields: Array<Record<string, FieldValue> | undefined> = new Array(this.length);
      const names = new Set<string>();
      for (let i = 0; i < this.length; i++) {
        const p = this.pos(i);
        if (!this.chunk.isRaw(p)) continue;
        const f = flattenMessage(this.chunk.message(p));
        fields[i] = f;
        if (f) for (const k of Object.keys(f)) names.add(k);
      }
      this.rawFields = fields;
      this.rawNames = names;
    }
    return this.rawFields;
  }
}

/** The batch of a chunk's events visible at `now` with startMs ≤ ts ≤ endMs (and not past `cutoff`). */
export function chunkBatch(
  group: LogGroup,
  stream: LogStream,
  chunk: Chunk,
  startMs: number,
  endMs: number,
  now: number,
  cutoff: number,
): ChunkBatch | undefined {
  if (chunk.live === 0) return undefined;
  const a = chunk.lowerBound(Math.max(startMs, cutoff));
  const b = chunk.upperBound(endMs);
  if (a >= b) return undefined;
  if (chunk.maxIng <= now) return new ChunkBatch(group, stream, chunk, a, undefined, b - a);
  const index = new Uint32Array(b - a);
  let n = 0;
  for (let i = a; i < b; i++) if ((chunk.ing[i] as number) <= now) index[n++] = i;
  return n === 0 ? undefined : new ChunkBatch(group, stream, chunk, a, index.subarray(0, n), n);
}

/** A QuerySource over groups as they are at `now` (events ingested later are not seen). */
export function querySource(groups: readonly LogGroup[], now: number): QuerySource {
  return {
    *batches(startMs: number, endMs: number) {
      for (const g of groups) {
        const cutoff = g.cutoff(now);
        for (const s of [...g.streams.values()]) {
          for (const c of [...s.chunks]) {
            const b = chunkBatch(g, s, c, startMs, endMs, now, cutoff);
            if (b) yield b;
          }
        }
      }
    },
  };
}
