/**
 * The reference fixture of the engine tests: 3,000 seeded access-log events in two log groups
 * (2,000 + 1,000, interleaved in time), in batches of 500, plus the plain objects the tests use to
 * compute expected results independently of the engine.
 */
import type { LogBatch, QuerySource } from '../source';
import { type AccessLogRecord, generateEvents } from './accessLogs';
import { MemoryBatch, memorySource } from './memoryBatch';

/** One event as the tests see it, in the order the source hands it to the engine. */
export interface FixtureRow {
  timestamp: number;
  ingestionTime: number;
  logStream: string;
  logGroupId: string;
  message: string;
  bytes: number;
  record: AccessLogRecord;
  ptr: string;
  /** Position in consumption order: batch number * 2^32 + index in the batch. */
  seq: number;
}

/** The fixture: rows in consumption order, the batches, and the covered time range. */
export interface Fixture {
  rows: FixtureRow[];
  batches: LogBatch[];
  source: QuerySource;
  startMs: number;
  endMs: number;
}

export const FIXTURE_START = Date.UTC(2024, 4, 1, 10);
const SPAN = 2 * 3600_000;
const GROUPS = [
  { id: '222222222222:/aws/vpc-lattice/payments', seed: 11, count: 2000 },
  { id: '333333333333:/aws/vpc-lattice/storefront', seed: 12, count: 1000 },
];

let cached: Fixture | undefined;

/** Builds (once) the shared fixture. */
export function accessLogFixture(): Fixture {
  if (cached) return cached;
  const rows: FixtureRow[] = [];
  const batches: LogBatch[] = [];
  for (const g of GROUPS) {
    const events = generateEvents(g.seed, g.count, FIXTURE_START, SPAN);
    for (let k = 0; k < events.length; k += 500) {
      const slice = events.slice(k, k + 500);
      const batchId = `${g.id}#${k / 500}`;
      const memEvents = slice.map((e) => ({
        timestamp: e.timestamp,
        logStream: e.logStream,
        message: JSON.stringify(e.record),
      }));
      const batch = new MemoryBatch(memEvents, g.id, batchId);
      const batchNo = batches.length;
      slice.forEach((e, i) => {
        const message = (memEvents[i] as { message: string }).message;
        rows.push({
          timestamp: e.timestamp,
          ingestionTime: e.timestamp + 120_000,
          logStream: e.logStream,
          logGroupId: g.id,
          message,
          bytes: Buffer.byteLength(message, 'utf8'),
          record: e.record,
          ptr: `${batchId}/${i}`,
          seq: batchNo * 2 ** 32 + i,
        });
      });
      batches.push(batch);
    }
  }
  cached = { rows, batches, source: memorySource(batches), startMs: FIXTURE_START, endMs: FIXTURE_START + SPAN };
  return cached;
}
