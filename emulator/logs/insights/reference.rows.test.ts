/**
 * Reference suite, queries without stats: every expected result is computed with plain array code
 * over the fixture objects (testing/expected.ts) and compared with the engine's output.
 */
import { describe, expect, it } from 'vitest';
import { runQuery } from './index';
import { type Val, asNumber, cmp, col, eventCells, newestFirst, sortCmp, val } from './testing/expected';
import { accessLogFixture, type FixtureRow } from './testing/fixture';

const fx = accessLogFixture();
const opts = { startMs: fx.startMs, endMs: fx.endMs };
const run = (q: string, limit?: number) => runQuery(q, fx.source, { ...opts, limit });
const rec =
  (name: string) =>
  (r: FixtureRow): Val =>
    val(r, name);
const ptrs = (q: string): string[] => run(q).results.map((row) => row.find((c) => c.field === '@ptr')?.value ?? '?');
const expectPtrs = (rows: FixtureRow[]): string[] => [...rows].sort(newestFirst).map((r) => r.ptr);

describe('events without fields/display', () => {
  it('shows @timestamp, @message and @ptr of the newest events', () => {
    const out = run('limit 25');
    const expected = [...fx.rows]
      .sort(newestFirst)
      .slice(0, 25)
      .map((r) => eventCells(r, [col('@timestamp'), col('@message')]));
    expect(out.results).toEqual(expected);
    expect(out.statistics).toEqual({
      recordsMatched: 3000,
      recordsScanned: 3000,
      bytesScanned: fx.rows.reduce((s, r) => s + r.bytes, 0),
    });
  });

  it('returns StartQuery limit rows when the query has no limit command', () => {
    const out = run('fields @timestamp, responseCode', 40);
    expect(out.results).toEqual(
      [...fx.rows]
        .sort(newestFirst)
        .slice(0, 40)
        .map((r) => eventCells(r, [col('@timestamp'), col('responseCode')])),
    );
  });
});

describe('fields and display', () => {
  it('renames with as, filters on the alias, and leaves missing values out', () => {
    const out = run('fields @timestamp, responseCode as code, duration | filter code = 403');
    const rows = fx.rows.filter((r) => cmp(r.record.responseCode, 403) === 0).sort(newestFirst);
    expect(out.results).toEqual(
      rows.map((r) => eventCells(r, [col('@timestamp'), ['code', rec('responseCode')], col('duration')])),
    );
    expect(out.statistics.recordsMatched).toBe(rows.length);
  });

  it('display shows only the last display list (system fields included)', () => {
    const out = run(
      'display serviceArn | filter requestMethod = "DELETE" | display @logStream, @log, @ingestionTime, ' +
        'serviceArn | limit 30',
    );
    const rows = fx.rows
      .filter((r) => r.record.requestMethod === 'DELETE')
      .sort(newestFirst)
      .slice(0, 30);
    expect(out.results).toEqual(
      rows.map((r) => eventCells(r, [col('@logStream'), col('@log'), col('@ingestionTime'), col('serviceArn')])),
    );
  });

  it('several fields commands show all their fields; a literal becomes a constant column', () => {
    const out = run('fields requestMethod | fields "lattice" as source, 7 as seven | limit 3');
    const rows = [...fx.rows].sort(newestFirst).slice(0, 3);
    expect(out.results).toEqual(
      rows.map((r) => eventCells(r, [col('requestMethod'), ['source', () => 'lattice'], ['seven', () => 7]])),
    );
  });
});

describe('filter', () => {
  const cases: [string, (r: FixtureRow) => boolean][] = [
    ['responseCode >= 500', (r) => (cmp(r.record.responseCode, 500) ?? -1) >= 0],
    ['responseCode >= "500"', (r) => (cmp(r.record.responseCode, '500') ?? -1) >= 0],
    [
      'responseCode != 200 and requestMethod = "GET"',
      (r) =>
        cmp(r.record.responseCode, 200) !== undefined &&
        cmp(r.record.responseCode, 200) !== 0 &&
        r.record.requestMethod === 'GET',
    ],
    [
      'responseCode = 403 or (duration > 1000 and not requestMethod = "GET")',
      (r) =>
        cmp(r.record.responseCode, 403) === 0 ||
        ((cmp(r.record.duration, 1000) ?? -1) > 0 && r.record.requestMethod !== 'GET'),
    ],
    ['requestToTargetDuration < 10', (r) => (cmp(r.record.requestToTargetDuration, 10) ?? 1) < 0],
    [
      'bytesSent <= 100 or bytesReceived > 2040',
      (r) => (cmp(r.record.bytesSent, 100) ?? 1) <= 0 || (cmp(r.record.bytesReceived, 2040) ?? -1) > 0,
    ],
    ['responseCode in [500, 502, "503"]', (r) => [500, 502, 503].includes(asNumber(r.record.responseCode) ?? -1)],
    ['requestMethod not in ["GET", "POST"]', (r) => !['GET', 'POST'].includes(String(r.record.requestMethod))],
    ['requestPath like "orders"', (r) => String(r.record.requestPath).includes('orders')],
    [
      'userAgent not like "curl"',
      (r) => r.record.userAgent !== undefined && !String(r.record.userAgent).includes('curl'),
    ],
    ['requestPath like /\\/items\\/\\d+\\/stock$/', (r) => /\/items\/\d+\/stock$/.test(String(r.record.requestPath))],
    ['userAgent =~ /(?i)^GO-/', (r) => r.record.userAgent !== undefined && /^go-/i.test(String(r.record.userAgent))],
    ['ispresent(duration)', (r) => r.record.duration !== undefined],
    ['not ispresent(userAgent)', (r) => r.record.userAgent === undefined],
    ['isempty(userAgent) or isempty(nosuchfield)', () => true],
    [
      'resolvedUser = "Anonymous" and @logStream = "lattice/2"',
      (r) => r.record.resolvedUser === 'Anonymous' && r.logStream === 'lattice/2',
    ],
    ['@message like "ClientAccessDenied"', (r) => r.message.includes('ClientAccessDenied')],
    [
      '@timestamp >= 1714561200000 and @timestamp < 1714563000000',
      (r) => r.timestamp >= 1714561200000 && r.timestamp < 1714563000000,
    ],
    ['`responseCode` = 404', (r) => cmp(r.record.responseCode, 404) === 0],
  ];
  it.each(cases)('filter %s', (cond, pass) => {
    const expected = expectPtrs(fx.rows.filter(pass));
    expect(expected.length).toBeGreaterThan(0);
    const q = `filter ${cond}`;
    expect(ptrs(q)).toEqual(expected);
    expect(run(q).statistics.recordsMatched).toBe(expected.length);
  });
});

describe('sort, limit, dedup', () => {
  const byKeys =
    (keys: [string, boolean][]) =>
    (a: FixtureRow, b: FixtureRow): number => {
      for (const [name, desc] of keys) {
        const d = sortCmp(val(a, name), val(b, name), desc);
        if (d !== 0) return d;
      }
      return newestFirst(a, b);
    };

  it('sorts on several keys (missing values last), then newest first', () => {
    const expected = [...fx.rows]
      .sort(
        byKeys([
          ['duration', true],
          ['requestPath', false],
        ]),
      )
      .slice(0, 60)
      .map((r) => r.ptr);
    expect(ptrs('sort duration desc, requestPath asc | limit 60')).toEqual(expected);
  });

  it('sorts text in the documented natural order (ascending by default)', () => {
    const expected = [...fx.rows]
      .sort(byKeys([['requestPath', false]]))
      .slice(0, 200)
      .map((r) => r.ptr);
    expect(ptrs('sort requestPath | limit 200')).toEqual(expected);
    const mixed = [...fx.rows]
      .sort(byKeys([['responseCode', false]]))
      .slice(0, 40)
      .map((r) => r.ptr);
    expect(ptrs('sort responseCode asc | limit 40')).toEqual(mixed);
  });

  it('a later sort decides first, an earlier one breaks its ties', () => {
    const expected = [...fx.rows]
      .sort(
        byKeys([
          ['requestMethod', false],
          ['bytesSent', true],
        ]),
      )
      .slice(0, 50)
      .map((r) => r.ptr);
    expect(ptrs('sort bytesSent desc | sort requestMethod | limit 50')).toEqual(expected);
  });

  it("the console's default query, and oldest first", () => {
    const out = run('fields @timestamp, @message, @logStream, @log | sort @timestamp desc | limit 20');
    const rows = [...fx.rows].sort(byKeys([['@timestamp', true]])).slice(0, 20);
    expect(out.results).toEqual(
      rows.map((r) => eventCells(r, [col('@timestamp'), col('@message'), col('@logStream'), col('@log')])),
    );
    expect(ptrs('sort @timestamp asc | limit 10')).toEqual(
      [...fx.rows]
        .sort(byKeys([['@timestamp', false]]))
        .slice(0, 10)
        .map((r) => r.ptr),
    );
  });

  it('limit after filter', () => {
    expect(ptrs('filter responseCode = 404 | limit 7')).toEqual(
      expectPtrs(fx.rows.filter((r) => r.record.responseCode === 404)).slice(0, 7),
    );
  });

  it('limit then sort re-orders the limited rows', () => {
    const newest = [...fx.rows].sort(newestFirst).slice(0, 30);
    const expected = [...newest].sort((a, b) => sortCmp(a.record.bytesSent, b.record.bytesSent)).map((r) => r.ptr);
    expect(ptrs('limit 30 | sort bytesSent')).toEqual(expected);
  });

  const dedup = (rows: FixtureRow[], names: string[]): FixtureRow[] => {
    const seen = new Set<string>();
    return rows.filter((r) => {
      const vals = names.map((n) => val(r, n));
      if (vals.some((v) => v === undefined)) return true;
      const key = JSON.stringify(vals.map(String));
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };

  it('dedup keeps the first row per key in sort order', () => {
    const sorted = [...fx.rows].sort(byKeys([['duration', true]]));
    expect(ptrs('sort duration desc | dedup serviceArn')).toEqual(dedup(sorted, ['serviceArn']).map((r) => r.ptr));
  });

  it('dedup without sort uses newest first; several fields; then limit', () => {
    const sorted = [...fx.rows].sort(newestFirst);
    expect(ptrs('dedup responseCode, requestMethod | limit 10')).toEqual(
      dedup(sorted, ['responseCode', 'requestMethod'])
        .slice(0, 10)
        .map((r) => r.ptr),
    );
  });

  it('dedup keeps every row whose key value is missing', () => {
    const sorted = [...fx.rows].sort(newestFirst);
    const expected = dedup(sorted, ['duration']);
    expect(expected.filter((r) => r.record.duration === undefined).length).toBeGreaterThan(10);
    expect(ptrs('dedup duration')).toEqual(expected.map((r) => r.ptr));
  });
});

describe('parse', () => {
  const glob = (s: Val, re: RegExp): string[] | undefined =>
    s === undefined ? undefined : re.exec(String(s))?.slice(1);

  it('extracts with a glob from a field; events that do not match keep no extracted fields', () => {
    const out = run('parse requestPath "/api/*/orders/*" as ver, oid | display ver, oid, @timestamp | limit 100');
    const expected = [...fx.rows]
      .sort(newestFirst)
      .slice(0, 100)
      .map((r) => {
        const m = glob(r.record.requestPath, /\/api\/(.*?)\/orders\/(.*)/);
        return eventCells(r, [['ver', () => m?.[0]], ['oid', () => m?.[1]], col('@timestamp')]);
      });
    expect(out.results).toEqual(expected);
  });

  it('parses @message by default and extracted fields feed filter and the default columns', () => {
    const out = run('parse \'"hostHeader":"*.example.*"\' as host, tail | filter host in ["orders", "ledger"]');
    const rows = fx.rows
      .map((r) => ({ r, m: glob(r.message, /"hostHeader":"(.*?)\.example\.(.*?)"/) }))
      .filter((x) => x.m !== undefined && ['orders', 'ledger'].includes(x.m[0] as string))
      .sort((a, b) => newestFirst(a.r, b.r));
    expect(out.results).toEqual(
      rows.map(({ r, m }) =>
        eventCells(r, [col('@timestamp'), col('@message'), ['host', () => m?.[0]], ['tail', () => m?.[1]]]),
      ),
    );
  });
});
