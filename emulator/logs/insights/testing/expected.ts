/**
 * Plain re-implementations of the documented semantics, used by the reference tests to compute
 * expected results from the fixture objects without going through the engine.
 */
import type { ResultField } from '../source';
import type { FixtureRow } from './fixture';

/** A field value of a fixture row. */
export type Val = string | number | undefined;

/** Value of a system field or a record field of `row`. */
export function val(row: FixtureRow, name: string): Val {
  switch (name) {
    case '@timestamp':
      return row.timestamp;
    case '@ingestionTime':
      return row.ingestionTime;
    case '@message':
      return row.message;
    case '@logStream':
      return row.logStream;
    case '@log':
      return row.logGroupId;
    case '@ptr':
      return row.ptr;
    default:
      return row.record[name];
  }
}

/** The number of a JSON number or an all-numeric string, else undefined. */
export function asNumber(v: Val): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return undefined;
}

/** Filter comparison: numeric when both sides are numeric, else by string; undefined if missing. */
export function cmp(a: Val, b: Val): number | undefined {
  if (a === undefined || b === undefined) return undefined;
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== undefined && y !== undefined) return Math.sign(x - y);
  const s = String(a);
  const t = String(b);
  return s === t ? 0 : s < t ? -1 : 1;
}

/** The service's documented ascending order: text (chunk-wise) before numbers; missing last. */
export function sortCmp(a: Val, b: Val, desc = false): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  const x = asNumber(a);
  const y = asNumber(b);
  let d: number;
  if (x !== undefined && y !== undefined) d = Math.sign(x - y);
  else if (x !== undefined) d = 1;
  else if (y !== undefined) d = -1;
  else d = natural(String(a), String(b));
  return desc ? -d : d;
}

function natural(x: string, y: string): number {
  const a = x.match(/\d+|\D+/g) ?? [];
  const b = y.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const p = a[k] as string;
    const q = b[k] as string;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q) && p.length !== q.length) return p.length - q.length;
    return p < q ? -1 : 1;
  }
  return a.length - b.length;
}

/** Default order of event rows: newest first, later-consumed first on equal timestamps. */
export function newestFirst(a: FixtureRow, b: FixtureRow): number {
  return b.timestamp - a.timestamp || b.seq - a.seq;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyy-MM-dd HH:mm:ss.SSS` (UTC). */
export function ts(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/** An aggregate number as text: integers as is, fractions rounded to 6 decimals. */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}

/** Cells of an event row: the named columns (missing values left out), then @ptr. */
export function eventCells(row: FixtureRow, columns: [name: string, value: (r: FixtureRow) => Val][]): ResultField[] {
  const cells: ResultField[] = [];
  for (const [field, get] of columns) {
    const v = get(row);
    if (v === undefined) continue;
    cells.push({ field, value: field === '@timestamp' || field === '@ingestionTime' ? ts(v as number) : String(v) });
  }
  cells.push({ field: '@ptr', value: row.ptr });
  return cells;
}

/** Shortcut for a column reading a field of the same name. */
export function col(name: string): [string, (r: FixtureRow) => Val] {
  return [name, (r) => val(r, name)];
}

/** Groups rows by a key (first appearance order), as stats does. */
export function groupBy<K>(rows: readonly FixtureRow[], key: (r: FixtureRow) => K): Map<K, FixtureRow[]> {
  const m = new Map<K, FixtureRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Nearest-rank percentile of numbers. */
export function nearestRank(values: number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1];
}
