/**
 * The Logs Insights queries of the world: their lifecycle (Scheduled → Running → Complete, or
 * Cancelled/Failed), the per-account-and-region concurrency limit, and expiry of old queries. A
 * query is executed in slices with setImmediate in between, so that GetQueryResults sees it Running
 * with partial results and the emulator keeps answering other calls meanwhile.
 */
import type { LogBatch, QueryStatistics, ResultField } from '../insights/source';

/** Statuses of the model that the emulator uses. */
export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled';

/** What the Insights engine's QueryExecution offers (structurally the same type). */
export interface Execution {
  consume(batch: LogBatch): void;
  results(): ResultField[][];
  statistics(): QueryStatistics;
}

/** One query. */
export interface QueryRecord {
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  readonly queryString: string;
  /** Emulator time the query was started, ms. */
  readonly createTime: number;
  readonly logGroupsScanned: number;
  status: QueryStatus;
  /** The running execution; dropped once the query has ended (its output is kept in `final`). */
  execution: Execution | undefined;
  /** Rows and statistics of an ended query, frozen so the engine's state can be freed. */
  final?: { results: ResultField[][]; statistics: QueryStatistics };
  /** Error text of a Failed query. */
  failure?: string;
}

const NO_STATS: QueryStatistics = { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 };

/** Current (partial while running) rows and statistics of a query. */
export function outputOf(q: QueryRecord): { results: ResultField[][]; statistics: QueryStatistics } {
  if (q.final) return q.final;
  return q.execution
    ? { results: q.execution.results(), statistics: q.execution.statistics() }
    : { results: [], statistics: NO_STATS };
}

/** Moves a query to an end status, freezing its output. */
function finish(q: QueryRecord, status: QueryStatus, failure?: string): void {
  const out = outputOf(q);
  q.final = status === 'Failed' ? { results: [], statistics: out.statistics } : out;
  q.status = status;
  q.execution = undefined;
  if (failure !== undefined) q.failure = failure;
}

/** Concurrent (Scheduled or Running) queries per account and region, as the model's documentation states. */
export const MAX_CONCURRENT_QUERIES = 100;
/** Queries kept for GetQueryResults per account; older finished ones expire. */
export const KEEP_QUERIES_PER_ACCOUNT = 1000;
/** Events consumed per slice before yielding to the event loop. */
export const SLICE_EVENTS = 20_000;

interface Running {
  record: QueryRecord;
  batches: Iterator<LogBatch>;
}

/** All queries. */
export class QueryBook {
  private readonly byId = new Map<string, QueryRecord>();
  private readonly order = new Map<string, string[]>();
  private readonly pending = new Map<string, Running>();
  private held = false;

  /** Queries of an account and region that still count against the concurrency limit. */
  active(accountId: string, region: string): number {
    let n = 0;
    for (const id of this.order.get(accountId) ?? []) {
      const q = this.byId.get(id);
      if (q && q.region === region && (q.status === 'Scheduled' || q.status === 'Running')) n++;
    }
    return n;
  }

  /** A query of the account, or undefined (unknown, expired, or another account's). */
  get(accountId: string, id: string): QueryRecord | undefined {
    const q = this.byId.get(id);
    return q && q.accountId === accountId ? q : undefined;
  }

  /** Registers a query and schedules its execution over `batches`. */
  start(record: QueryRecord, batches: Iterable<LogBatch>): void {
    this.byId.set(record.id, record);
    const list = this.order.get(record.accountId) ?? [];
    list.push(record.id);
    this.order.set(record.accountId, list);
    this.expire(record.accountId);
    this.pending.set(record.id, { record, batches: batches[Symbol.iterator]() });
    this.schedule(record.id);
  }

  /** Cancels a Scheduled or Running query; false when it had already ended. */
  stop(record: QueryRecord): boolean {
    if (record.status !== 'Scheduled' && record.status !== 'Running') return false;
    finish(record, 'Cancelled');
    this.pending.delete(record.id);
    return true;
  }

  /** Test hook: while held, queries stay Scheduled/Running without progressing. */
  hold(): void {
    this.held = true;
  }

  /** Ends `hold()` and lets held queries continue. */
  release(): void {
    this.held = false;
    for (const id of this.pending.keys()) this.schedule(id);
  }

  private schedule(id: string): void {
    setImmediate(() => this.step(id));
  }

  private step(id: string): void {
    if (this.held) return;
    const run = this.pending.get(id);
    if (!run) return;
    const q = run.record;
    const execution = q.execution;
    if (!execution) return;
    q.status = 'Running';
    let budget = SLICE_EVENTS;
    try {
      while (budget > 0) {
        const next = run.batches.next();
        if (next.done) {
          finish(q, 'Complete');
          this.pending.delete(id);
          return;
        }
        execution.consume(next.value);
        budget -= next.value.length;
      }
    } catch (e) {
      finish(q, 'Failed', e instanceof Error ? e.message : String(e));
      this.pending.delete(id);
      return;
    }
    this.schedule(id);
  }

  private expire(accountId: string): void {
    const list = this.order.get(accountId) ?? [];
    let k = 0;
    while (list.length - k > KEEP_QUERIES_PER_ACCOUNT && k < list.length) {
      const q = this.byId.get(list[k] as string);
      if (q && (q.status === 'Scheduled' || q.status === 'Running')) break;
      this.byId.delete(list[k] as string);
      k++;
    }
    if (k > 0) list.splice(0, k);
  }
}
