/**
 * Operations on materialized result rows, applied in query order: stable sort, dedup (first row
 * per key in the current order; rows with a missing key value are kept), limit and, after stats,
 * filter.
 */
import { compileCondition } from './compileCondition';
import { rowsEnv } from './env';
import type { Row, RowOp } from './planTypes';
import type { FieldValue } from './source';
import { compareKey, isMissing, toNumber, toText } from './values';

/** Sort keys: indices into Row.vals. */
export type SortKeys = readonly { index: number; desc: boolean }[];

/** Orders rows by `keys`, then by the default order (timestamp and position, newest or oldest first). */
export function rowComparator(keys: SortKeys, newestFirst: boolean): (a: Row, b: Row) => number {
  return (a, b) => {
    for (const k of keys) {
      const d = compareKey(a.vals[k.index], b.vals[k.index], k.desc);
      if (d !== 0) return d;
    }
    const d = a.ts - b.ts || a.ord - b.ord;
    return newestFirst ? -d : d;
  };
}

/** A key for dedup; undefined when a value is missing (such rows are never duplicates). */
export function dedupKey(vals: readonly FieldValue[], indices: readonly number[]): string | undefined {
  let key = '';
  for (const k of indices) {
    const v = vals[k];
    if (isMissing(v)) return undefined;
    const n = toNumber(v);
    key += `${Number.isNaN(n) ? `s${toText(v)}` : `n${n}`}\u0000`;
  }
  return key;
}

/** Applies `ops` in order to rows already in their current order. */
export function applyRowOps(rows: Row[], ops: readonly RowOp[]): Row[] {
  let out = rows;
  for (const op of ops) {
    switch (op.kind) {
      case 'sort': {
        const keys = op.keys;
        out = [...out].sort((a, b) => {
          for (const k of keys) {
            const d = compareKey(a.vals[k.index], b.vals[k.index], k.desc);
            if (d !== 0) return d;
          }
          return 0; // Array.prototype.sort is stable: ties keep the previous order
        });
        break;
      }
      case 'dedup': {
        const seen = new Set<string>();
        out = out.filter((r) => {
          const key = dedupKey(r.vals, op.indices);
          if (key === undefined) return true;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        break;
      }
      case 'limit':
        out = out.slice(0, op.count);
        break;
      case 'filter': {
        const current = out;
        const pass = compileCondition(op.condition, rowsEnv(current));
        out = current.filter((_, i) => pass(i));
        break;
      }
    }
  }
  return out;
}
