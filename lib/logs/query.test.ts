/**
 * The query printer: exact output for each construct, and hostile values that must stay literal
 * values. The printed text is checked by the emulator's real Insights engine (tests may use it).
 */
import { describe, expect, it } from 'vitest';
import { compileQuery, runQuery } from '../../emulator/logs/insights';
import { memorySource, toBatches } from '../../emulator/logs/insights/testing/memoryBatch';
import { TrellisError } from '../domain/errors';
import { escapeRegex, printCondition, printQuery, printString, type Condition, type InsightsQuery } from './query';

const HOSTILE = [
  'x" | stats count(*) by resolvedUser #',
  "it's `backticked` | display secret",
  'line1\nline2 | limit 1',
  '# not a comment',
  '/v2/.*+?^$()[]{}|\\',
  '\\" or responseCode = 200 or "',
  '| filter 1=1',
  'é ünïcödé 🚀',
];

const events = HOSTILE.map((v, i) => ({
  timestamp: 1_000 + i,
  message: JSON.stringify({ requestPath: v, resolvedUser: v, responseCode: 200 + i }),
}));
const source = memorySource(toBatches(events, 'acct:/group', 100));

function matches(c: Condition): string[] {
  const text = printQuery({ filter: c, fields: ['requestPath'] });
  const out = runQuery(text, source, { startMs: 0, endMs: 10_000 });
  return out.results.map((row) => row.find((f) => f.field === 'requestPath')?.value ?? '?');
}

describe('printQuery', () => {
  it('prints each command in a fixed order', () => {
    const q: InsightsQuery = {
      fields: ['@timestamp', 'responseCode'],
      filter: {
        op: 'and',
        conditions: [
          { op: '>=', field: 'responseCode', value: 500 },
          { op: 'present', field: 'resolvedUser' },
        ],
      },
      stats: {
        aggregations: [
          { agg: { fn: 'count' }, as: 'requests' },
          { agg: { fn: 'pct', field: 'duration', percentile: 99 }, as: 'p99' },
        ],
        by: [{ bin: '1m', as: 't' }, { field: 'responseCode' }],
      },
      sort: [{ field: 't', order: 'asc' }],
      limit: 100,
    };
    expect(printQuery(q)).toBe(
      'fields @timestamp, responseCode\n| filter (responseCode >= 500) and (ispresent(resolvedUser))\n' +
        '| stats count(*) as requests, pct(duration, 99) as p99 by bin(1m) as t, responseCode\n| sort t asc\n' +
        '| limit 100',
    );
    expect(() => compileQuery(printQuery(q))).not.toThrow();
  });

  it('prints in, not, contains and prefix conditions the engine accepts', () => {
    const c: Condition = {
      op: 'or',
      conditions: [
        { op: 'in', field: 'responseCode', values: [403, 503] },
        { op: 'not', condition: { op: 'contains', field: '@message', value: 'health' } },
        { op: 'prefix', field: 'requestPath', value: '/v2/' },
      ],
    };
    expect(printCondition(c)).toBe(
      '(responseCode in [403, 503]) or (not (@message like "health")) or (requestPath like /^\\/v2\\//)',
    );
    expect(() => compileQuery(`filter ${printCondition(c)}`)).not.toThrow();
  });

  it.each(HOSTILE)('keeps the hostile value %j a literal for =, contains and prefix', (value) => {
    expect(matches({ op: '=', field: 'resolvedUser', value })).toEqual([value]);
    expect(matches({ op: 'contains', field: 'requestPath', value })).toEqual([value]);
    expect(matches({ op: 'prefix', field: 'requestPath', value })).toEqual([value]);
  });

  it('never lets a value add a command', () => {
    for (const value of HOSTILE) {
      const text = printQuery({ filter: { op: '=', field: 'resolvedUser', value } });
      // One filter command: the only top-level separators are the ones the printer wrote.
      expect(text.startsWith('filter ')).toBe(true);
      expect(text.split('\n').length).toBe(1);
    }
  });

  it('refuses what it cannot print safely', () => {
    const bad: Array<() => unknown> = [
      () => printQuery({ filter: { op: '=', field: 'a`b', value: 1 } }),
      () => printQuery({ filter: { op: '=', field: 'responseCode | display x', value: 1 } }),
      () => printQuery({ filter: { op: '=', field: 'x', value: Number.NaN } }),
      () => printString('bell\u0007'),
      () => escapeRegex('a\u0000'),
      () => printQuery({ filter: { op: 'in', field: 'x', values: [] } }),
      () => printQuery({ limit: 10_001 }),
      () => printQuery({ stats: { aggregations: [{ agg: { fn: 'count' }, as: 'bad alias' }], by: [] } }),
      () => printQuery({}),
      () => printString('x'.repeat(5000)),
    ];
    for (const f of bad) expect(f).toThrow(TrellisError);
  });
});
