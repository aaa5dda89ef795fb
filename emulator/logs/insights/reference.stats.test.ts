/**
 * Reference suite, stats queries: expected groups and aggregates are computed with plain array
 * code over the fixture objects and compared with the engine's output.
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from './index';
import type { ResultField } from './source';
import { type Val, asNumber, cmp, groupBy, nearestRank, num, sortCmp, ts, val } from './testing/expected';
import { accessLogFixture, type FixtureRow } from './testing/fixture';

const fx = accessLogFixture();
const run = (q: string, range = { startMs: fx.startMs, endMs: fx.endMs }) => runQuery(q, fx.source, range);
const nums = (rows: FixtureRow[], f: string): number[] =>
  rows.map((r) => asNumber(r.record[f])).filter((n): n is number => n !== undefined);
const cells = (pairs: [string, string | undefined][]): ResultField[] =>
  pairs.filter((p): p is [string, string] => p[1] !== undefined).map(([field, value]) => ({ field, value }));
const text = (v: Val): string | undefined => (v === undefined ? undefined : String(v));
const binOf = (ms: number, period: number): number => Math.floor(ms / period) * period;

describe('stats', () => {
  it('count(*) without groups', () => {
    expect(run('stats count(*)').results).toEqual([[{ field: 'count(*)', value: '3000' }]]);
  });

  it('count(*) by bin(5m), responseCode: bins ascending, then first appearance', () => {
    const groups = groupBy(fx.rows, (r) => `${binOf(r.timestamp, 300_000)}|${String(r.record.responseCode)}`);
    const expected = [...groups.values()]
      .map((rows, order) => ({ rows, order, bin: binOf((rows[0] as FixtureRow).timestamp, 300_000) }))
      .sort((a, b) => a.bin - b.bin || a.order - b.order)
      .map(({ rows, bin }) =>
        cells([
          ['bin(5m)', ts(bin)],
          ['responseCode', text((rows[0] as FixtureRow).record.responseCode)],
          ['count(*)', String(rows.length)],
        ]),
      );
    const out = run('stats count(*) by bin(5m), responseCode');
    expect(out.results).toEqual(expected);
    expect(out.statistics.recordsMatched).toBe(3000);
  });

  it('every aggregation function by serviceArn', () => {
    const q =
      'stats count(duration), count_distinct(userAgent), sum(bytesSent), avg(duration), min(duration), ' +
      'max(duration), pct(duration, 50), percentile(duration, 99) as p99 by serviceArn';
    const expected = [...groupBy(fx.rows, (r) => r.record.serviceArn).entries()].map(([svc, rows]) => {
      const d = nums(rows, 'duration');
      return cells([
        ['serviceArn', text(svc)],
        ['count(duration)', String(rows.filter((r) => r.record.duration !== undefined).length)],
        [
          'count_distinct(userAgent)',
          String(new Set(rows.map((r) => r.record.userAgent).filter((u) => u !== undefined)).size),
        ],
        ['sum(bytesSent)', num(nums(rows, 'bytesSent').reduce((s, n) => s + n, 0))],
        ['avg(duration)', num(d.reduce((s, n) => s + n, 0) / d.length)],
        ['min(duration)', num(Math.min(...d))],
        ['max(duration)', num(Math.max(...d))],
        ['pct(duration, 50)', text(nearestRank(d, 50))],
        ['p99', text(nearestRank(d, 99))],
      ]);
    });
    expect(run(q).results).toEqual(expected);
  });

  it('skips "-" and missing values in numeric aggregations; bin with an alias', () => {
    const expected = [...groupBy(fx.rows, (r) => binOf(r.timestamp, 1_800_000)).entries()].map(([bin, rows]) => {
      const v = nums(rows, 'requestToTargetDuration');
      const present = rows.filter((r) => r.record.requestToTargetDuration !== undefined).length;
      return cells([
        ['t', ts(bin)],
        ['a', num(v.reduce((s, n) => s + n, 0) / v.length)],
        ['n', String(present)],
      ]);
    });
    expect(
      run('stats avg(requestToTargetDuration) as a, count(requestToTargetDuration) as n by bin(30m) as t').results,
    ).toEqual(expected);
  });

  it('percentiles at the edges use the nearest rank', () => {
    const d = nums(fx.rows, 'duration');
    expect(
      run('stats pct(duration, 0) as p0, pct(duration, 100) as p100, pct(duration, 99.9) as p999').results,
    ).toEqual([
      cells([
        ['p0', text(nearestRank(d, 0))],
        ['p100', text(nearestRank(d, 100))],
        ['p999', text(nearestRank(d, 99.9))],
      ]),
    ]);
  });

  it('filter, stats with an alias, then sort on two keys', () => {
    const failing = fx.rows.filter((r) => (cmp(r.record.responseCode, 500) ?? -1) >= 0);
    const expected = [...groupBy(failing, (r) => r.record.targetGroupArn).entries()]
      .sort((a, b) => b[1].length - a[1].length || sortCmp(a[0], b[0]))
      .map(([tg, rows]) =>
        cells([
          ['targetGroupArn', text(tg)],
          ['n', String(rows.length)],
        ]),
      );
    const out = run(
      'filter responseCode >= 500 | stats count(*) as n by targetGroupArn | sort n desc, targetGroupArn asc',
    );
    expect(out.results).toEqual(expected);
    expect(out.statistics.recordsMatched).toBe(failing.length);
  });

  it('filter and sort on stats columns, sort by an aggregate written as in stats', () => {
    const groups = [...groupBy(fx.rows, (r) => r.record.requestMethod).entries()].filter(
      ([, rows]) => rows.length > 300,
    );
    const expected = groups
      .sort((a, b) => b[1].length - a[1].length)
      .map(([m, rows]) =>
        cells([
          ['requestMethod', text(m)],
          ['count(*)', String(rows.length)],
        ]),
      );
    expect(run('stats count(*) by requestMethod | filter `count(*)` > 300 | sort count( * ) desc').results).toEqual(
      expected,
    );
  });

  it('sorts "-" before numbers in ascending order; display selects columns', () => {
    const expected = [...groupBy(fx.rows, (r) => String(r.record.responseCode)).entries()]
      .sort((a, b) => sortCmp((a[1][0] as FixtureRow).record.responseCode, (b[1][0] as FixtureRow).record.responseCode))
      .map(([code, rows]) =>
        cells([
          ['sum(bytesReceived)', num(nums(rows, 'bytesReceived').reduce((s, n) => s + n, 0))],
          ['responseCode', code],
        ]),
      );
    expect(expected[0]?.find((c) => c.field === 'responseCode')?.value).toBe('-');
    expect(
      run('stats sum(bytesReceived) by responseCode | sort responseCode asc | display sum(bytesReceived), responseCode')
        .results,
    ).toEqual(expected);
  });

  it('groups by a fields alias and by a parsed field; limit caps the groups', () => {
    const byAlias = [...groupBy(fx.rows, (r) => String(r.record.requestMethod)).entries()].map(([m, rows]) =>
      cells([
        ['m', m],
        ['c', String(rows.length)],
      ]),
    );
    expect(run('fields requestMethod as m | stats count(*) as c by m').results).toEqual(byAlias);
    const parsed = [...groupBy(fx.rows, (r) => /"listenerType":"(.*?)"/.exec(r.message)?.[1]).entries()].map(
      ([t, rows]) =>
        cells([
          ['lt', t],
          ['count(*)', String(rows.length)],
        ]),
    );
    expect(run('parse \'"listenerType":"*"\' as lt | stats count(*) by lt').results).toEqual(parsed);
    expect(run('stats count(*) by bin(1h) | limit 1').results).toHaveLength(1);
  });

  it('counts only events inside the time range (scanned, bytes, matched)', () => {
    const range = { startMs: fx.startMs + 1_800_000, endMs: fx.startMs + 3_600_000 };
    const inRange = fx.rows.filter((r) => r.timestamp >= range.startMs && r.timestamp <= range.endMs);
    const matched = inRange.filter((r) => r.record.requestMethod === 'GET');
    const out = run('filter requestMethod = "GET" | stats count(*) by bin(10m)', range);
    expect(out.statistics).toEqual({
      recordsMatched: matched.length,
      recordsScanned: inRange.length,
      bytesScanned: inRange.reduce((s, r) => s + r.bytes, 0),
    });
    const expected = [...groupBy(matched, (r) => binOf(r.timestamp, 600_000)).entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([b, rows]) =>
        cells([
          ['bin(10m)', ts(b)],
          ['count(*)', String(rows.length)],
        ]),
      );
    expect(out.results).toEqual(expected);
  });

  it('uses the value of a field through val() for system fields too', () => {
    const expected = [...groupBy(fx.rows, (r) => val(r, '@log')).entries()].map(([g, rows]) =>
      cells([
        ['@log', text(g)],
        ['count(*)', String(rows.length)],
      ]),
    );
    expect(run('stats count(*) by @log').results).toEqual(expected);
  });
});
