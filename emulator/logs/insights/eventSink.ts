/**
 * Collects the result rows of a query without stats. Only what can still reach the result is kept:
 * the best `limit` rows in a bounded heap, or the best row per dedup key. A candidate's sort keys
 * are read first; its output cells are read only when it is kept.
 */
import type { Env } from './env';
import { BoundedHeap } from './heap';
import type { EventsPlan, Row } from './planTypes';
import { applyRowOps, dedupKey, rowComparator } from './rowOps';
import type { FieldReader, LogBatch } from './source';

/** Row collection of one execution. */
export class EventSink {
  private readonly cmp: (a: Row, b: Row) => number;
  private readonly heap: BoundedHeap;
  private readonly byKey = new Map<string, Row>();
  /** Scan batches from their newest event: with the default order, older events are then rejected early. */
  readonly scanBackward: boolean;

  constructor(
    private readonly plan: EventsPlan,
    private readonly cap: number,
  ) {
    this.cmp = rowComparator(plan.order, true);
    const c = plan.collect;
    this.heap = new BoundedHeap(this.cmp, c.kind === 'top' ? Math.min(c.count ?? cap, cap) : cap);
    const first = plan.order[0];
    const key = first && plan.keys[first.index];
    // The console's default `sort @timestamp desc` is the default order again.
    this.scanBackward = !first || (first.desc && key?.kind === 'system' && key.name === '@timestamp');
  }

  /** The per-row function of one batch. */
  bind(env: Env, batch: LogBatch, batchNo: number): (i: number) => void {
    const keyReaders: FieldReader[] = this.plan.keys.map((b) => env.reader(b));
    const cellReaders: FieldReader[] = this.plan.columns.map((c) => env.reader(c.binding));
    const nKeys = keyReaders.length;
    const scratch: Row = { vals: new Array(nKeys), ts: 0, ord: 0 };
    const base = batchNo * 2 ** 32;
    const c = this.plan.collect;
    const dedupIndices = c.kind === 'dedup' ? c.indices : undefined;
    const { heap, byKey, cmp } = this;
    const materialize = (i: number): Row => {
      const vals = scratch.vals.slice(0, nKeys);
      for (const r of cellReaders) vals.push(r(i));
      return { vals, ts: scratch.ts, ord: scratch.ord };
    };
    return (i) => {
      scratch.ts = batch.timestamp(i);
      scratch.ord = base + i;
      for (let k = 0; k < nKeys; k++) scratch.vals[k] = (keyReaders[k] as FieldReader)(i);
      const key = dedupIndices && dedupKey(scratch.vals, dedupIndices);
      if (key === undefined) {
        if (heap.accepts(scratch)) heap.push(materialize(i));
        return;
      }
      const kept = byKey.get(key);
      if (kept === undefined || cmp(scratch, kept) < 0) byKey.set(key, materialize(i));
    };
  }

  /** The current result rows, in order, at most `cap`. */
  rows(): Row[] {
    const collected =
      this.byKey.size === 0 ? this.heap.sorted() : [...this.byKey.values(), ...this.heap.sorted()].sort(this.cmp);
    const limit = this.plan.collect.kind === 'dedup' ? this.cap : collected.length;
    return applyRowOps(collected.slice(0, limit), this.plan.after).slice(0, this.cap);
  }
}
