/**
 * Running a compiled query over batches: each batch is narrowed to the time range (binary search,
 * batches are time-ordered), its readers are resolved once, and every event in range runs through
 * the per-event steps into the stats or the row sink.
 */
import { batchEnv } from './env';
import { EventSink } from './eventSink';
import { renderRows } from './output';
import { MAX_LIMIT } from './parser';
import type { Plan } from './planTypes';
import { applyRowOps } from './rowOps';
import type { FieldValue, LogBatch, QueryStatistics, ResultField } from './source';
import { StatsSink } from './statsSink';
import { compileSteps } from './steps';

/** Time range and row limit of one run (StartQuery's startTime/endTime in ms, and its `limit`). */
export interface ExecutionOptions {
  startMs: number;
  endMs: number;
  /** StartQuery `limit`: rows returned when the query has no `limit` command (default and max 10,000). */
  limit?: number;
}

/** A running query: feed it batches, read results and statistics at any time. */
export interface QueryExecution {
  /** Processes one batch (call repeatedly; the caller may yield between batches). */
  consume(batch: LogBatch): void;
  /** Current rows: partial while batches are still coming, final after the last one. */
  results(): ResultField[][];
  /** recordsMatched, recordsScanned, bytesScanned so far. */
  statistics(): QueryStatistics;
}

/** First index of a time-ordered batch whose timestamp is >= t (or > t when `after`). */
function lowerBound(batch: LogBatch, t: number, after: boolean): number {
  let lo = 0;
  let hi = batch.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const ts = batch.timestamp(mid);
    if (after ? ts <= t : ts < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Executes `plan` (from a compiled query) with `opts`. */
export class Execution implements QueryExecution {
  private readonly slots: FieldValue[];
  private readonly sink: StatsSink | EventSink;
  private readonly cap: number;
  private batches = 0;
  private readonly stats: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };

  constructor(
    private readonly plan: Plan,
    private readonly opts: ExecutionOptions,
    hasLimitCommand: boolean,
  ) {
    const limit = opts.limit ?? MAX_LIMIT;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw new RangeError(`limit must be an integer in 1..${MAX_LIMIT}`);
    if (!(opts.startMs <= opts.endMs)) throw new RangeError('startMs must not be after endMs');
    // A `limit` command in the query decides the row count; StartQuery's limit is the default.
    this.cap = hasLimitCommand ? MAX_LIMIT : limit;
    this.slots = new Array<FieldValue>(plan.slotCount);
    this.sink = plan.kind === 'stats' ? new StatsSink(plan, opts.startMs) : new EventSink(plan, this.cap);
  }

  consume(batch: LogBatch): void {
    const lo = lowerBound(batch, this.opts.startMs, false);
    const hi = lowerBound(batch, this.opts.endMs, true);
    if (hi <= lo) return;
    const env = batchEnv(batch, this.slots);
    const pass = compileSteps(this.plan.steps, env, this.slots);
    const ts = (i: number): number => batch.timestamp(i);
    const add = this.sink instanceof StatsSink ? this.sink.bind(env, ts) : this.sink.bind(env, batch, this.batches);
    this.batches++;
    let bytes = 0;
    let matched = 0;
    for (let i = lo; i < hi; i++) bytes += batch.messageBytes(i);
    const backward = this.sink instanceof EventSink && this.sink.scanBackward;
    if (backward) {
      for (let i = hi - 1; i >= lo; i--) {
        if (pass === null || pass(i)) {
          matched++;
          add(i);
        }
      }
    } else {
      for (let i = lo; i < hi; i++) {
        if (pass === null || pass(i)) {
          matched++;
          add(i);
        }
      }
    }
    this.stats.recordsScanned += hi - lo;
    this.stats.bytesScanned += bytes;
    this.stats.recordsMatched += matched;
  }

  results(): ResultField[][] {
    const plan = this.plan;
    if (plan.kind === 'stats') {
      const rows = applyRowOps((this.sink as StatsSink).rows(), plan.ops).slice(0, this.cap);
      return renderRows(rows, plan.columns, 0, plan.display);
    }
    const rows = (this.sink as EventSink).rows();
    return renderRows(
      rows,
      plan.columns.map((c) => c.column),
      plan.keys.length,
    );
  }

  statistics(): QueryStatistics {
    return { ...this.stats };
  }
}
