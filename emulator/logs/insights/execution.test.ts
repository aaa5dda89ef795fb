/**
 * Execution behaviour: partial results while batches arrive, statistics, options, command order
 * rules, nested JSON fields and plain-text messages.
 */
import { describe, expect, it } from 'vitest';
import { compileQuery, runQuery, startExecution } from './index';
import { InsightsQueryError } from './source';
import { accessLogFixture } from './testing/fixture';
import { MemoryBatch, memorySource } from './testing/memoryBatch';

const fx = accessLogFixture();
const opts = { startMs: fx.startMs, endMs: fx.endMs };

describe('partial results', () => {
  it.each([
    'stats count(*) by responseCode',
    'filter responseCode >= 500 | fields @timestamp, responseCode, targetGroupArn',
    'sort duration desc | dedup serviceArn',
    'stats pct(duration, 90) by bin(15m) | sort `pct(duration, 90)` desc',
  ])('%s: half the batches give partial rows; all give the same as runQuery', (q) => {
    const half = fx.batches.slice(0, fx.batches.length / 2);
    const run = startExecution(compileQuery(q), opts);
    expect(run.results()).toEqual([]);
    for (const b of half) run.consume(b);
    const partial = run.results();
    expect(partial).toEqual(runQuery(q, memorySource(half), opts).results);
    expect(run.statistics().recordsScanned).toBe(1500);
    for (const b of fx.batches.slice(half.length)) run.consume(b);
    const full = runQuery(q, fx.source, opts);
    expect(run.results()).toEqual(full.results);
    expect(run.statistics()).toEqual(full.statistics);
    expect(partial).not.toEqual(full.results);
  });

  it('a compiled query runs any number of times', () => {
    const q = compileQuery('stats count(*)');
    for (const limit of [1, 5]) {
      const run = startExecution(q, { ...opts, limit });
      for (const b of fx.batches) run.consume(b);
      expect(run.results()).toEqual([[{ field: 'count(*)', value: '3000' }]]);
    }
  });
});

describe('options and limits', () => {
  it('StartQuery limit caps rows unless the query has its own limit', () => {
    expect(runQuery('stats count(*) by bin(1m)', fx.source, { ...opts, limit: 10 }).results).toHaveLength(10);
    expect(runQuery('fields @timestamp | limit 50', fx.source, { ...opts, limit: 10 }).results).toHaveLength(50);
    expect(runQuery('fields @timestamp', fx.source, opts).results).toHaveLength(3000);
  });

  it('rejects a limit outside 1..10000 and an inverted range', () => {
    const q = compileQuery('limit 1');
    expect(() => startExecution(q, { ...opts, limit: 0 })).toThrow(RangeError);
    expect(() => startExecution(q, { ...opts, limit: 10_001 })).toThrow(RangeError);
    expect(() => startExecution(q, { startMs: 2, endMs: 1 })).toThrow(RangeError);
    expect(() => startExecution({ text: 'limit 1' }, opts)).toThrow(TypeError);
  });

  it('a batch partly outside the range is narrowed; one fully outside is skipped', () => {
    const events = [0, 1000, 2000, 3000].map((t) => ({ timestamp: t, message: `m${t}` }));
    const src = memorySource([
      new MemoryBatch(events, 'a:g', 'b'),
      new MemoryBatch([{ timestamp: 9000, message: 'late' }], 'a:g', 'c'),
    ]);
    const out = runQuery('fields @message', src, { startMs: 1000, endMs: 2000 });
    expect(out.results.map((r) => r[0]?.value)).toEqual(['m2000', 'm1000']);
    expect(out.statistics).toEqual({ recordsMatched: 2, recordsScanned: 2, bytesScanned: 10 });
  });

  it('a `sort @timestamp desc | limit N` scans (and bills) the whole range, as AWS documents for `limit`', () => {
    // AWS: "With a regular limit, the query scans all data in the time range and then returns the top N
    // results" (only `limit any`, not run here, stops early). The range is what makes a query cheap.
    const all = runQuery('stats count(*)', fx.source, opts).statistics;
    const newest = runQuery('fields @timestamp | sort @timestamp desc | limit 5', fx.source, opts);
    expect(newest.results).toHaveLength(5);
    expect(newest.statistics).toEqual({ ...all, recordsMatched: all.recordsScanned });
    const narrow = runQuery('fields @timestamp | sort @timestamp desc | limit 5', fx.source, {
      startMs: fx.endMs - 60_000,
      endMs: fx.endMs,
    }).statistics;
    expect(narrow.bytesScanned).toBeLessThan(all.bytesScanned / 10);
  });

  it('display can name @ptr once; it is not repeated', () => {
    const out = runQuery('display @ptr, responseCode | limit 1', fx.source, opts);
    expect(out.results[0]?.map((c) => c.field)).toEqual(['@ptr', 'responseCode']);
  });
});

describe('command order rules', () => {
  it.each([
    ['stats count(*) | stats count(*)', 17, 'Multiple stats commands'],
    ['stats count(*) | fields a', 17, 'fields after stats'],
    ['stats count(*) | parse a "*" as b', 17, 'parse after stats'],
    ['limit 5 | filter a = 1', 10, 'filter after limit'],
    ['limit 5 | stats count(*)', 10, 'stats after limit'],
    ['dedup a | sort a', 10, 'Only limit can follow dedup'],
    ['display a | stats count(*)', 12, 'display before stats'],
    ['stats count(*) as c | sort d', 27, "'d' is not a column of the stats result"],
    ['sort count(*)', 5, 'can only name a column of a stats result'],
    ['filter a like /(x)\\1/', 18, 'Backreferences'],
    ['filter a =~ /x/m', 15, "Unsupported regex flag 'm'"],
  ])('%j', (q, pos, message) => {
    let err: unknown;
    try {
      compileQuery(q);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InsightsQueryError);
    expect((err as InsightsQueryError).position).toBe(pos);
    expect((err as InsightsQueryError).message).toContain(message);
  });

  it('sort before stats has no effect on the groups', () => {
    expect(runQuery('sort duration desc | stats count(*) by requestMethod', fx.source, opts).results).toEqual(
      runQuery('stats count(*) by requestMethod', fx.source, opts).results,
    );
  });

  it('names resolve where they are used: an alias defined later does not affect an earlier filter', () => {
    const out = runQuery('filter code = 403 | fields responseCode as code', fx.source, opts);
    expect(out.results).toEqual([]);
  });
});

describe('messages', () => {
  const T = Date.UTC(2024, 0, 1);
  const src = memorySource([
    new MemoryBatch(
      [
        {
          timestamp: T,
          message: JSON.stringify({ req: { method: 'GET', status: 200 }, tags: ['a'], ok: true, none: null }),
        },
        { timestamp: T + 1, message: JSON.stringify({ req: { method: 'POST', status: '500' } }) },
        { timestamp: T + 2, message: '[ERROR] disk full on /dev/sda1' },
        { timestamp: T + 3, message: '[INFO] started in 35 ms' },
      ],
      '1:g',
      'b',
    ),
  ]);
  const range = { startMs: T, endMs: T + 10 };

  it('nested JSON objects are flattened with dots; numeric strings compare as numbers', () => {
    const out = runQuery(
      'filter req.status >= 500 or req.method = "GET" | fields req.method, req.status, ok, tags',
      src,
      range,
    );
    expect(out.results).toEqual([
      [
        { field: 'req.method', value: 'POST' },
        { field: 'req.status', value: '500' },
        { field: '@ptr', value: 'b/1' },
      ],
      [
        { field: 'req.method', value: 'GET' },
        { field: 'req.status', value: '200' },
        { field: 'ok', value: 'true' },
        { field: 'tags', value: '["a"]' },
        { field: '@ptr', value: 'b/0' },
      ],
    ]);
    expect(runQuery('filter ispresent(none)', src, range).results).toEqual([]);
  });

  it('plain-text messages are parsed with globs', () => {
    const out = runQuery('parse "[*] *" as level, text | filter level = "ERROR" | display text', src, range);
    expect(out.results).toEqual([
      [
        { field: 'text', value: 'disk full on /dev/sda1' },
        { field: '@ptr', value: 'b/2' },
      ],
    ]);
    const stats = runQuery('parse "[*]" as level | stats count(*) by level', src, range);
    expect(stats.results).toEqual([
      [
        { field: 'level', value: '"a"' },
        { field: 'count(*)', value: '1' },
      ], // from `"tags":["a"]`
      [{ field: 'count(*)', value: '1' }],
      [
        { field: 'level', value: 'ERROR' },
        { field: 'count(*)', value: '1' },
      ],
      [
        { field: 'level', value: 'INFO' },
        { field: 'count(*)', value: '1' },
      ],
    ]);
  });
});
