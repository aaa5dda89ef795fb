/**
 * Saving and loading log groups. Events are written compactly: timestamps delta-coded, ingestion
 * times as lags, flat JSON messages as a shape index plus cells that point into per-group tables of
 * strings and numbers. At most MAX_SAVED_EVENTS_PER_GROUP of the newest events of a group are kept.
 */
import type { FieldValue } from '../insights/source';
import type { RecordValue } from './encode';
import { LogGroup, type LogGroupClass } from './group';
import { scan, type EventPos } from './scan';

/** Events kept per group in a saved state (the newest ones). */
export const MAX_SAVED_EVENTS_PER_GROUP = 200_000;

/** A cell: index into `strings` (≥ 0), -(index+1) into `numbers`, or a literal boolean/null. */
type Cell = number | boolean | null;

/** A saved stream: `t` delta-coded timestamps, `g` ingestion lag, `m` raw string or [shape, ...cells]. */
export interface StreamJson {
  name: string;
  creationTime: number;
  t: number[];
  g: number[];
  m: Array<string | Cell[]>;
}

/** A saved group. */
export interface GroupJson {
  accountId: string;
  region: string;
  name: string;
  creationTime: number;
  retentionInDays?: number;
  logGroupClass: LogGroupClass;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  deletionProtectionEnabled?: boolean;
  sequence: number;
  strings: string[];
  numbers: number[];
  /** Key lists; row shape index k refers to shapes[k]. */
  shapes: string[][];
  streams: StreamJson[];
  /** Older events that were left out because of the cap. */
  droppedEvents?: number;
}

class Interner<T> {
  readonly list: T[] = [];
  private readonly index = new Map<T, number>();
  of(v: T): number {
    let k = this.index.get(v);
    if (k === undefined) {
      k = this.list.length;
      this.list.push(v);
      this.index.set(v, k);
    }
    return k;
  }
}

/** Serializes one group with at most `maxEvents` of its newest events. */
export function groupToJson(g: LogGroup, maxEvents = MAX_SAVED_EVENTS_PER_GROUP): GroupJson {
  const streams = [...g.streams.values()].sort((a, b) => a.no - b.no);
  const picked = new Map<number, EventPos[]>();
  let kept = 0;
  let total = 0;
  for (const s of streams) total += s.eventCount;
  for (const p of scan(streams, {
    dir: 'desc',
    startMs: -Infinity,
    endMs: Infinity,
    now: Infinity,
    cutoff: -Infinity,
  })) {
    if (kept >= maxEvents) break;
    const list = picked.get(p.stream.no) ?? [];
    list.push(p);
    picked.set(p.stream.no, list);
    kept++;
  }
  const strings = new Interner<string>();
  const numbers = new Interner<number>();
  const shapes = new Interner<number>();
  const cell = (v: FieldValue): Cell =>
    typeof v === 'string' ? strings.of(v) : typeof v === 'number' ? -(numbers.of(v) + 1) : v === undefined ? null : v;
  const out: StreamJson[] = streams.map((s) => {
    const events = (picked.get(s.no) ?? []).reverse();
    const sj: StreamJson = { name: s.name, creationTime: s.creationTime, t: [], g: [], m: [] };
    let prev = 0;
    for (const { chunk, i } of events) {
      const ts = chunk.ts[i] as number;
      sj.t.push(ts - prev);
      sj.g.push((chunk.ing[i] as number) - ts);
      prev = ts;
      const shapeId = chunk.shape[i] as number;
      if (shapeId === 0) {
        sj.m.push(chunk.message(i));
        continue;
      }
      const row: Cell[] = [shapes.of(shapeId)];
      for (const id of g.table.shape(shapeId).ids) row.push(cell(chunk.field(i, id)));
      sj.m.push(row);
    }
    return sj;
  });
  return {
    accountId: g.accountId,
    region: g.region,
    name: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    logGroupClass: g.logGroupClass,
    ...(g.kmsKeyId !== undefined ? { kmsKeyId: g.kmsKeyId } : {}),
    ...(g.tags !== undefined ? { tags: g.tags } : {}),
    ...(g.deletionProtectionEnabled ? { deletionProtectionEnabled: true } : {}),
    sequence: g.sequence,
    strings: strings.list,
    numbers: numbers.list,
    shapes: shapes.list.map((id) => [...g.table.shape(id).ids].map((f) => g.table.names[f] as string)),
    streams: out,
    ...(total > kept ? { droppedEvents: total - kept } : {}),
  };
}

/** Rebuilds a group from `groupToJson` output. */
export function groupFromJson(j: GroupJson): LogGroup {
  const g = new LogGroup(j.accountId, j.region, j.name, j.creationTime, {
    logGroupClass: j.logGroupClass,
    ...(j.kmsKeyId !== undefined ? { kmsKeyId: j.kmsKeyId } : {}),
    ...(j.tags !== undefined ? { tags: j.tags } : {}),
    ...(j.deletionProtectionEnabled ? { deletionProtectionEnabled: true } : {}),
    ...(j.retentionInDays !== undefined ? { retentionInDays: j.retentionInDays } : {}),
  });
  g.sequence = j.sequence;
  const value = (c: Cell | undefined): RecordValue =>
    typeof c === 'number' ? (c >= 0 ? (j.strings[c] as string) : (j.numbers[-c - 1] as number)) : (c ?? null);
  for (const sj of j.streams) {
    const s = g.createStream(sj.name, sj.creationTime);
    if (!s) throw new Error(`duplicate stream ${sj.name} in saved group ${j.name}`);
    let ts = 0;
    sj.m.forEach((m, k) => {
      ts += sj.t[k] ?? 0;
      const ing = ts + (sj.g[k] ?? 0);
      if (typeof m === 'string') {
        g.appendMessage(s, ts, ing, m);
        return;
      }
      const keys = j.shapes[m[0] as number] ?? [];
      const record = Object.create(null) as Record<string, RecordValue>;
      for (const [f, key] of keys.entries()) record[key] = value(m[f + 1]);
      g.appendRecord(s, ts, ing, record);
    });
  }
  return g;
}
