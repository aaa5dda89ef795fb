/** The query lifecycle of the book, driven with a tiny fake execution (the real engine is tested elsewhere). */
import { describe, expect, it } from 'vitest';
import type { LogBatch } from '../insights/source';
import { KEEP_QUERIES_PER_ACCOUNT, outputOf, QueryBook, SLICE_EVENTS, type Execution, type QueryRecord } from './book';

/** Counts events; its results are one row with the count so far. */
function countingExecution(): Execution & { seen: number } {
  return {
    seen: 0,
    consume(b: LogBatch) {
      this.seen += b.length;
    },
    results() {
      return [[{ field: 'count', value: String(this.seen) }]];
    },
    statistics() {
      return { recordsMatched: this.seen, recordsScanned: this.seen, bytesScanned: this.seen * 10 };
    },
  };
}

function batches(n: number, size: number): LogBatch[] {
  return Array.from({ length: n }, () => ({ length: size }) as LogBatch);
}

function record(id: string, execution: Execution, accountId = '111111111111'): QueryRecord {
  return {
    id,
    accountId,
    region: 'us-east-1',
    queryString: 'q',
    createTime: 0,
    logGroupsScanned: 1,
    status: 'Scheduled',
    execution,
  };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('QueryBook', () => {
  it('goes Scheduled → Running with partial results → Complete, one slice per turn of the event loop', async () => {
    const book = new QueryBook();
    const ex = countingExecution();
    const q = record('q1', ex);
    book.start(q, batches(3, SLICE_EVENTS));
    expect(q.status).toBe('Scheduled');
    expect(book.active('111111111111', 'us-east-1')).toBe(1);
    await tick();
    expect(q.status).toBe('Running');
    expect(outputOf(q).results).toEqual([[{ field: 'count', value: String(SLICE_EVENTS) }]]);
    await tick();
    await tick();
    await tick();
    expect(q.status).toBe('Complete');
    expect(ex.seen).toBe(3 * SLICE_EVENTS);
    expect(q.execution).toBeUndefined();
    expect(outputOf(q)).toEqual({
      results: [[{ field: 'count', value: String(3 * SLICE_EVENTS) }]],
      statistics: {
        recordsMatched: 3 * SLICE_EVENTS,
        recordsScanned: 3 * SLICE_EVENTS,
        bytesScanned: 30 * SLICE_EVENTS,
      },
    });
    expect(book.active('111111111111', 'us-east-1')).toBe(0);
  });

  it('cancels a running query and refuses to stop a finished one', async () => {
    const book = new QueryBook();
    const ex = countingExecution();
    const q = record('q2', ex);
    book.start(q, batches(5, SLICE_EVENTS));
    await tick();
    expect(book.stop(q)).toBe(true);
    expect(q.status).toBe('Cancelled');
    expect(outputOf(q).statistics.recordsScanned).toBe(SLICE_EVENTS);
    await tick();
    await tick();
    expect(ex.seen).toBe(SLICE_EVENTS);
    expect(book.stop(q)).toBe(false);
  });

  it('holds queries on request, marks engine failures Failed, and scopes queries to their account', async () => {
    const book = new QueryBook();
    book.hold();
    const q = record('q3', countingExecution());
    book.start(q, batches(1, 1));
    await tick();
    expect(q.status).toBe('Scheduled');
    book.release();
    await tick();
    expect(q.status).toBe('Complete');
    const broken = record('q4', {
      ...countingExecution(),
      consume: () => {
        throw new Error('boom');
      },
    });
    book.start(broken, batches(1, 1));
    await tick();
    expect(broken.status).toBe('Failed');
    expect(broken.failure).toBe('boom');
    expect(book.get('111111111111', 'q3')).toBe(q);
    expect(book.get('222222222222', 'q3')).toBeUndefined();
  });

  it('expires the oldest finished queries of an account past the keep limit', async () => {
    const book = new QueryBook();
    for (let k = 0; k <= KEEP_QUERIES_PER_ACCOUNT; k++) book.start(record(`k${k}`, countingExecution()), []);
    await tick();
    book.start(record('last', countingExecution()), []);
    expect(book.get('111111111111', 'k0')).toBeUndefined();
    expect(book.get('111111111111', 'k1')).toBeUndefined();
    expect(book.get('111111111111', 'k2')).toBeDefined();
    expect(book.get('111111111111', 'last')).toBeDefined();
  });
});
