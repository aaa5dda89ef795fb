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
  /**
   * For `filterIndex`: since when (ingestion time, ms) a log group indexes `field`, or undefined when it
   * does not. Without it, no group is indexed.
   */
  indexedSince?: (logGroupId: string, field: string) => number | undefined;
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
  private readonly stats: Required<QueryStatistics> = {
    recordsMatched: 0,
    recordsScanned: 0,
    bytesScanned: 0,
    estimatedRecordsSkipped: 0,
    estimatedBytesSkipped: 0,
  };

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
    const keep = this.indexKeep(batch);
    const env = batchEnv(batch, this.slots);
    const pass = compileSteps(this.plan.steps, env, this.slots);
    const ts = (i: number): number => batch.timestamp(i);
    const add = this.sink instanceof StatsSink ? this.sink.bind(env, ts) : this.sink.bind(env, batch, this.batches);
    this.batches++;
    let bytes = 0;
    let matched = 0;
    let scanned = 0;
    let skippedBytes = 0;
    const visit = (i: number): void => {
      if (keep !== null && !keep(i)) {
        skippedBytes += batch.messageBytes(i);
        return;
      }
      scanned++;
      bytes += batch.messageBytes(i);
      if (pass === null || pass(i)) {
        matched++;
        add(i);
      }
    };
    const backward = this.sink instanceof EventSink && this.sink.scanBackward;
    if (backward) for (let i = hi - 1; i >= lo; i--) visit(i);
    else for (let i = lo; i < hi; i++) visit(i);
    this.stats.recordsScanned += scanned;
    this.stats.bytesScanned += bytes;
    this.stats.recordsMatched += matched;
    this.stats.estimatedRecordsSkipped += hi - lo - scanned;
    this.stats.estimatedBytesSkipped += skippedBytes;
  }

  /**
   * Which events of a batch a `filterIndex` scans (null: all). A group that does not index the field is
   * skipped whole (AWS: "scan only log groups that are indexed on a field"); in one that does, events
   * ingested since the policy are skipped unless their value is one of the query's; older events (not
   * indexed yet) are scanned and filtered.
   */
  private indexKeep(batch: LogBatch): ((i: number) => boolean) | null {
    const index = this.plan.index;
    if (!index) return null;
    const since = this.opts.indexedSince?.(batch.logGroupId, index.field);
    if (since === undefined) return () => false;
    const wanted = new Set(index.values.map(String));
    const read = batch.field(index.field);
    return (i) => {
      if (batch.ingestionTime(i) < since) return true;
      const v = read?.(i);
      return v !== undefined && v !== null && wanted.has(String(v));
    };
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
    const s = this.stats;
    if (!this.plan.index)
      return { recordsMatched: s.recordsMatched, recordsScanned: s.recordsScanned, bytesScanned: s.bytesScanned };
    return { ...s };
  }
}
