/**
 * A simple in-memory LogBatch for tests: events are given as messages; JSON messages are parsed
 * once and their fields (nested objects flattened with dots) exposed as per-field readers.
 */
import type { FieldReader, FieldValue, LogBatch, QuerySource } from '../source';

/** One event as stored. */
export interface MemoryEvent {
  timestamp: number;
  message: string;
  logStream?: string;
  ingestionTime?: number;
}

function flatten(value: unknown, prefix: string, out: Map<string, FieldValue>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    const v = value;
    out.set(
      prefix,
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : JSON.stringify(v),
    );
  }
}

/** A batch over `events` (which must be time-ordered). */
export class MemoryBatch implements LogBatch {
  private readonly columns = new Map<string, FieldValue[]>();
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly events: readonly MemoryEvent[],
    readonly logGroupId: string,
    private readonly batchId: string,
  ) {
    events.forEach((e, i) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(e.message);
      } catch {
        return;
      }
      const fields = new Map<string, FieldValue>();
      flatten(parsed, '', fields);
      for (const [name, v] of fields) {
        let col = this.columns.get(name);
        if (!col) {
          col = new Array<FieldValue>(events.length);
          this.columns.set(name, col);
        }
        col[i] = v;
      }
    });
  }

  get length(): number {
    return this.events.length;
  }
  private at(i: number): MemoryEvent {
    const e = this.events[i];
    if (!e) throw new RangeError(`no event ${i}`);
    return e;
  }
  timestamp(i: number): number {
    return this.at(i).timestamp;
  }
  ingestionTime(i: number): number {
    return this.at(i).ingestionTime ?? this.at(i).timestamp + 120_000;
  }
  logStream(i: number): string {
    return this.at(i).logStream ?? 'stream';
  }
  message(i: number): string {
    return this.at(i).message;
  }
  messageBytes(i: number): number {
    return this.encoder.encode(this.at(i).message).length;
  }
  ptr(i: number): string {
    return `${this.batchId}/${i}`;
  }
  field(name: string): FieldReader | undefined {
    const col = this.columns.get(name);
    return col && ((i) => col[i]);
  }
  fieldNames(): readonly string[] {
    return [...this.columns.keys()];
  }
}

/** Splits time-ordered events into batches of `size`. */
export function toBatches(events: readonly MemoryEvent[], logGroupId: string, size: number): MemoryBatch[] {
  const out: MemoryBatch[] = [];
  for (let k = 0; k < events.length; k += size)
    out.push(new MemoryBatch(events.slice(k, k + size), logGroupId, `${logGroupId}#${k / size}`));
  return out;
}

/** A source over fixed batches (all of them, whatever the range: the engine narrows each batch). */
export function memorySource(batches: readonly LogBatch[]): QuerySource {
  return { batches: () => batches };
}
