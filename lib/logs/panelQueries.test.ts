/**
 * The explorer's query builder: exact printed queries, and hostile filter values (quotes, backticks,
 * pipes, newlines, `#`, regex metacharacters) that must match literally — checked by running the
 * printed text on the emulator's real Insights engine over records holding those very values.
 */
import { describe, expect, it } from 'vitest';
import { compileQuery, runQuery } from '../../emulator/logs/insights';
import { memorySource, toBatches } from '../../emulator/logs/insights/testing/memoryBatch';
import { ACCESS_LOG_FIELDS } from '../domain/accessLog';
import { defaultFilters, withValue, type DimKey, type LogFilters } from './filters';
import { dimCondition, filterCondition } from './panelQueries';
import { PANEL_IDS, panelDef, panelQuery } from './panelTable';
import type { PanelState } from './panelTypes';
import { printQuery } from './query';

/**
 * Values a URL could carry; each is also a record value below. (Newlines are refused by the URL schema but
 * the printer must still keep them literal.)
 */
const HOSTILE = [
  'x" | stats count(*) by resolvedUser #',
  "it's `backticked` | display secret",
  'line1\nline2 | limit 1',
  '# not a comment',
  '/v2/.*+?^$()[]{}|\\',
  '\\" or responseCode = 200 or "',
  '| filter 1=1',
  '\'single\' and "double"',
  'é ünïcödé 🚀',
  '/v2/',
];

interface Rec {
  requestPath: string;
  resolvedUser: string;
  userAgent?: string;
  responseCode: number;
  duration: number;
}
const records: Rec[] = [
  ...HOSTILE.map((v, i) => ({
    requestPath: v,
    resolvedUser: v,
    userAgent: `agent ${v} end`,
    responseCode: 200,
    duration: i,
  })),
  { requestPath: '/v2/items', resolvedUser: 'alice', userAgent: 'curl/8', responseCode: 403, duration: 5 },
  { requestPath: '/v20', resolvedUser: 'bob', userAgent: 'curl/8', responseCode: 503, duration: 50 },
  { requestPath: '/health', resolvedUser: '-', userAgent: 'kube-probe', responseCode: 504, duration: 500 },
  { requestPath: '/x', resolvedUser: 'carol', responseCode: 301, duration: 7 },
];
const events = records.map((r, i) => ({ timestamp: 1_000 + i, message: JSON.stringify({ id: i, ...r }) }));
const source = memorySource(toBatches(events, 'acct:/group', 100));

/** Indexes of the records a filter set matches, by running its printed query on the engine. */
function matched(f: Pick<LogFilters, 'include' | 'exclude'>): number[] {
  const text = printQuery({ fields: ['id'], ...panelQueryFilter(f), sort: [{ field: 'id', order: 'asc' }] });
  const out = runQuery(text, source, { startMs: 0, endMs: 100_000 });
  return out.results.map((row) => Number(row.find((c) => c.field === 'id')?.value));
}
function panelQueryFilter(f: Pick<LogFilters, 'include' | 'exclude'>) {
  const filter = filterCondition(f);
  return filter ? { filter } : {};
}
const only = (dim: DimKey, values: string[], exclude = false) =>
  exclude ? { include: {}, exclude: { [dim]: values } } : { include: { [dim]: values }, exclude: {} };
const indexesOf = (pred: (r: Rec) => boolean) => records.flatMap((r, i) => (pred(r) ? [i] : []));

describe('filterCondition', () => {
  it('prints every kind of dimension, OR within and AND across, excludes as not', () => {
    let f = defaultFilters();
    f = withValue(f, 'code', '5xx');
    f = withValue(f, 'code', '403');
    f = withValue(f, 'user', 'alice');
    f = withValue(f, 'user', 'bob');
    f = withValue(f, 'pathPrefix', '/v2/');
    f = withValue(f, 'text', 'timeout');
    f = withValue(f, 'method', 'GET', true);
    expect(printQuery({ filter: filterCondition(f)! })).toBe(
      'filter (((responseCode >= 500) and (responseCode <= 599)) or (responseCode = 403))' +
        ' and (resolvedUser in ["alice", "bob"])' +
        ' and (not (requestMethod = "GET"))' +
        ' and (requestPath like /^\\/v2\\//)' +
        ' and (@message like "timeout")',
    );
  });

  it('has no filter without values', () => {
    expect(filterCondition(defaultFilters())).toBeUndefined();
  });

  it.each(HOSTILE)('matches the hostile value %j literally as exact, prefix and substring', (value) => {
    const at = records.findIndex((r) => r.resolvedUser === value);
    expect(matched(only('user', [value]))).toEqual([at]);
    expect(matched(only('path', [value]))).toEqual([at]);
    expect(matched(only('userAgent', [value]))).toEqual(indexesOf((r) => r.userAgent?.includes(value) ?? false));
    expect(matched(only('pathPrefix', [value]))).toEqual(indexesOf((r) => r.requestPath.startsWith(value)));
    expect(matched(only('user', [value], true))).toEqual(indexesOf((r) => r.resolvedUser !== value));
  });

  it('matches several hostile values at once (in [...] and or)', () => {
    const two = [HOSTILE[0]!, HOSTILE[4]!];
    expect(matched(only('user', two))).toEqual([0, 4]);
    expect(matched(only('pathPrefix', two))).toEqual([0, 4]);
  });

  it('never lets a hostile value add a command or a comment', () => {
    for (const value of HOSTILE) {
      for (const dim of ['user', 'path', 'pathPrefix', 'userAgent', 'text'] as const) {
        const text = printQuery(panelQuery('top-path', only(dim, [value]), '1m'));
        // filter, stats, sort, limit: four commands, whatever the value.
        expect(text.split('\n| ').map((c) => c.split(' ')[0])).toEqual(['filter', 'stats', 'sort', 'limit']);
        expect(() => compileQuery(text)).not.toThrow();
      }
    }
  });

  it('finds free text in the raw record', () => {
    expect(matched(only('text', ['kube-probe']))).toEqual([records.findIndex((r) => r.userAgent === 'kube-probe')]);
    expect(matched(only('text', ['# not a comment']))).toEqual([3]);
    expect(matched(only('text', ['curl/8'], true))).toEqual(indexesOf((r) => r.userAgent !== 'curl/8'));
  });

  it('matches status codes, classes and ranges numerically', () => {
    expect(matched(only('code', ['5xx']))).toEqual(indexesOf((r) => r.responseCode >= 500));
    expect(matched(only('code', ['403', '301']))).toEqual(
      indexesOf((r) => r.responseCode === 403 || r.responseCode === 301),
    );
    expect(matched(only('code', ['300-403']))).toEqual(
      indexesOf((r) => r.responseCode >= 300 && r.responseCode <= 403),
    );
    expect(matched(only('code', ['2xx'], true))).toEqual(indexesOf((r) => r.responseCode >= 300));
  });

  it('keeps a single exact value as = and several as in', () => {
    expect(dimCondition('sourceVpc', ['vpc-1'])).toEqual({ op: '=', field: 'sourceVpcId', value: 'vpc-1' });
    expect(dimCondition('sourceVpc', ['vpc-1', 'vpc-2'])).toEqual({
      op: 'in',
      field: 'sourceVpcId',
      values: ['vpc-1', 'vpc-2'],
    });
  });
});

const stateOf = (rows: Array<Record<string, string>>): PanelState => ({
  phase: 'done',
  sources: [],
  failures: [],
  stats: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
  runs: [
    {
      accountId: '111111111111',
      region: 'us-east-1',
      queryId: 'q',
      logGroupNames: [],
      status: 'Complete',
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
      rows,
    },
  ],
});

describe('panelQuery', () => {
  it('prints each panel query, and the engine accepts all of them', () => {
    const f = only('code', ['5xx']);
    expect(printQuery(panelQuery('histogram', f, '1m'))).toBe(
      'filter (responseCode >= 500) and (responseCode <= 599)\n' +
        '| stats count(*) as n, count(duration) as dn, sum(duration) as dsum, min(duration) as dmin, ' +
        'max(duration) as dmax, pct(duration, 10) as d10, pct(duration, 25) as d25, pct(duration, 50) as d50, ' +
        'pct(duration, 75) as d75, pct(duration, 90) as d90, pct(duration, 95) as d95, pct(duration, 99) as d99 ' +
        'by bin(1m) as t, responseCode, authDeniedReason, failureReason, targetGroupArn, sourceVpcId, resolvedUser',
    );
    // The low-cardinality breakdowns fold from the histogram's pass.
    expect(printQuery(panelQuery('top-targetGroup', f, '1m'))).toBe(printQuery(panelQuery('histogram', f, '1m')));
    expect(printQuery(panelQuery('top-path', f, '1m'))).toBe(
      'filter (responseCode >= 500) and (responseCode <= 599)\n| stats count(*) as n by requestPath\n' +
        '| sort n desc\n| limit 50',
    );
    expect(printQuery(panelQuery('latency', defaultFilters(), '1m'))).toBe(
      'stats count(*) as requests, pct(duration, 50) as p50, pct(duration, 95) as p95, ' +
        'pct(duration, 99) as p99, avg(duration) as avg, max(duration) as max',
    );
    expect(printQuery(panelQuery('records', defaultFilters(), '1m'))).toBe(
      `fields @timestamp, @log, ${ACCESS_LOG_FIELDS.join(', ')}\n| sort @timestamp desc\n| limit 1000`,
    );
    for (const p of PANEL_IDS) expect(() => compileQuery(printQuery(panelQuery(p, f, '5m')))).not.toThrow();
  });

  it('counts a breakdown and latency on the engine', () => {
    const top = runQuery(printQuery(panelQuery('top-path', defaultFilters(), '1m')), source, {
      startMs: 0,
      endMs: 100_000,
    });
    expect(top.results[0]?.at(-1)).toEqual({ field: 'n', value: '1' });
    // The status codes fold from the histogram's rows (one pass for both).
    const hist = runQuery(printQuery(panelQuery('top-code', defaultFilters(), '1m')), source, {
      startMs: 0,
      endMs: 100_000,
    });
    const def = panelDef('top-code');
    if (def.view !== 'breakdown') throw new Error('not a breakdown');
    const rows = hist.results.map((r) => Object.fromEntries(r.map((c) => [c.field, c.value])));
    expect(def.fold(stateOf(rows), 10)[0]).toEqual({ value: '200', n: HOSTILE.length });
    const lat = runQuery(printQuery(panelQuery('latency', only('code', ['5xx']), '1m')), source, {
      startMs: 0,
      endMs: 100_000,
    });
    expect(lat.results).toEqual([
      [
        { field: 'requests', value: '2' },
        { field: 'p50', value: '50' },
        { field: 'p95', value: '500' },
        { field: 'p99', value: '500' },
        { field: 'avg', value: '275' },
        { field: 'max', value: '500' },
      ],
    ]);
  });
});
