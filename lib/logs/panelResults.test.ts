/** Folding Insights result rows: histogram bins by class, breakdowns across accounts, latency, records, deltas. */
import { describe, expect, it } from 'vitest';
import { statusClass, toAccessLogEntry, parseInsightsTime, fieldText } from '../domain/accessLog';
import { formatBytes, sumStats, type ResultRow } from './panelTypes';
import {
  countOf,
  delta,
  foldBreakdown,
  foldHistogram,
  foldLatency,
  foldRecords,
  formatDelta,
  formatDeltaShort,
} from './panelResults';

const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const at = (min: number) => new Date(T0 + min * 60_000).toISOString().replace('T', ' ').replace('Z', '');

describe('statusClass and times', () => {
  it('classes codes with 403 apart and anything odd as other', () => {
    expect(['200', '304', '404', '403', '503', '-', undefined, '99', 600].map(statusClass)).toEqual([
      '2xx',
      '3xx',
      '4xx',
      '403',
      '5xx',
      'other',
      'other',
      'other',
      'other',
    ]);
  });
  it('parses Insights times as UTC', () => {
    expect(parseInsightsTime('2024-05-01 09:00:00.000')).toBe(T0);
    expect(parseInsightsTime('1714554000000')).toBe(T0);
    expect(parseInsightsTime('yesterday')).toBeNaN();
  });
});

describe('foldHistogram', () => {
  it('fills every bin of the window and sums accounts per class', () => {
    const a = [
      { t: at(0), responseCode: '200', n: '10' },
      { t: at(0), responseCode: '403', n: '2' },
      { t: at(2), responseCode: '503', n: '4' },
    ];
    const b: ResultRow[] = [
      { t: at(0), responseCode: '201', n: '5' },
      { t: at(2), n: '1' },
    ];
    const h = foldHistogram([a, b], { startMs: T0, endMs: T0 + 3 * 60_000 }, '1m');
    expect(h.bins.map((x) => x.t)).toEqual([T0, T0 + 60_000, T0 + 120_000]);
    expect(h.bins[0]!.counts).toMatchObject({ '2xx': 15, '403': 2 });
    expect(h.bins[1]!.total).toBe(0);
    expect(h.bins[2]!.counts).toMatchObject({ '5xx': 4, other: 1 });
    expect(h).toMatchObject({
      max: 17,
      total: 22,
      byClass: { '2xx': 15, '403': 2, '5xx': 4, other: 1, '4xx': 0, '3xx': 0 },
    });
  });
  it('starts at the bin containing the window start and ignores rows outside', () => {
    const h = foldHistogram(
      [[{ t: at(-10), responseCode: '200', n: '3' }]],
      { startMs: T0 + 30_000, endMs: T0 + 90_000 },
      '1m',
    );
    expect(h.bins.map((x) => x.t)).toEqual([T0, T0 + 60_000]);
    expect(h.total).toBe(0);
  });
});

describe('foldBreakdown', () => {
  it('sums values across accounts, sorts by count, keeps a missing value apart', () => {
    const items = foldBreakdown(
      [
        [{ resolvedUser: 'alice', n: '5' }, { resolvedUser: 'Anonymous', n: '3' }, { n: '2' }],
        [
          { resolvedUser: 'Anonymous', n: '4' },
          { resolvedUser: 'bob', n: '2' },
        ],
      ],
      'resolvedUser',
    );
    expect(items).toEqual([
      { value: 'Anonymous', n: 7 },
      { value: 'alice', n: 5 },
      { value: undefined, n: 2 },
      { value: 'bob', n: 2 },
    ]);
    expect(countOf(items, 'bob')).toBe(2);
    expect(countOf(items, 'carol')).toBe(0);
    expect(
      foldBreakdown(
        [
          [
            { x: 'a', n: '1' },
            { x: 'b', n: '2' },
          ],
        ],
        'x',
        1,
      ),
    ).toEqual([{ value: 'b', n: 2 }]);
  });
});

describe('foldLatency and foldRecords', () => {
  it('keeps one latency row per account, missing figures undefined', () => {
    expect(
      foldLatency([
        { accountId: '1', rows: [{ requests: '3', p50: '10', p95: '20', p99: '30', avg: '12.5', max: '31' }] },
        { accountId: '2', rows: [{ requests: '0' }] },
        { accountId: '3' },
      ]),
    ).toEqual([
      { accountId: '1', requests: 3, p50: 10, p95: 20, p99: 30, avg: 12.5, max: 31, ranges: {} },
      {
        accountId: '2',
        requests: 0,
        p50: undefined,
        p95: undefined,
        p99: undefined,
        avg: undefined,
        max: undefined,
        ranges: {},
      },
    ]);
  });
  it('merges accounts newest first, parses records and keeps non-JSON raw', () => {
    const r = foldRecords(
      [
        [{ '@timestamp': at(1), '@message': '{"responseCode":200,"nested":{"a":1},"x":null}', '@log': '1:/g' }],
        [
          { '@timestamp': at(2), '@message': 'plain text', '@log': '2:/h' },
          { '@timestamp': at(0), '@message': '{"responseCode":503}' },
        ],
      ],
      2,
    );
    expect(r.map((e) => e.timestamp)).toEqual([T0 + 120_000, T0 + 60_000]);
    expect(r[0]).toEqual({ timestamp: T0 + 120_000, log: '2:/h', record: {}, raw: 'plain text' });
    expect(r[1]!.record).toEqual({ responseCode: 200, nested: '{"a":1}', x: null });
    expect(fieldText(r[1]!, 'responseCode')).toBe('200');
    expect(fieldText(r[1]!, 'x')).toBe('');
    expect(toAccessLogEntry({ '@message': '' }).timestamp).toBe(0);
  });
  it('reads records given as columns, numbers of numeric fields back to numbers', () => {
    const e = toAccessLogEntry({
      '@timestamp': at(3),
      '@log': '2:/g',
      responseCode: '403',
      duration: '1',
      requestToTargetDuration: '-',
      resolvedUser: 'Anonymous',
      requestPath: '/42',
    });
    expect(e).toEqual({
      timestamp: T0 + 180_000,
      log: '2:/g',
      record: {
        responseCode: 403,
        duration: 1,
        requestToTargetDuration: '-',
        resolvedUser: 'Anonymous',
        requestPath: '/42',
      },
    });
  });
});

describe('deltas and formats', () => {
  it('computes and prints changes', () => {
    expect(delta(12, 10)).toEqual({ diff: 2, pct: 20 });
    expect(formatDelta(delta(12, 10))).toBe('+2 (20%)'.replace('(20', '(+20'));
    expect(formatDelta(delta(3, 4))).toBe('−1 (−25%)');
    expect(formatDelta(delta(5, 0))).toBe('+5 (new)');
    expect(formatDelta(delta(4, 4))).toBe('±0');
    expect(formatDelta(delta(101, 100))).toBe('+1 (+1.0%)');
    expect(
      [delta(12, 10), delta(3, 4), delta(5, 0), delta(4, 4), delta(6500, 100), delta(101, 100)].map(formatDeltaShort),
    ).toEqual(['+20%', '−25%', 'new', '±0', '×65', '+1.0%']);
  });
  it('sums statistics and formats bytes', () => {
    expect(
      sumStats([
        { statistics: { recordsMatched: 1, recordsScanned: 2, bytesScanned: 3 } },
        { statistics: { recordsMatched: 1, recordsScanned: 2, bytesScanned: 3 } },
      ]),
    ).toEqual({ recordsMatched: 2, recordsScanned: 4, bytesScanned: 6 });
    expect([0, 999, 1000, 12_345, 1_234_567, 5e12].map(formatBytes)).toEqual([
      '0 B',
      '999 B',
      '1.0 kB',
      '12 kB',
      '1.2 MB',
      '5.0 TB',
    ]);
  });
});
