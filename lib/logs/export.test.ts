/** CSV and JSON-lines export: quoting, formula neutralisation, columns, file names. */
import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../domain/accessLog';
import { csvCell, exportColumns, exportFileName, neutralise, toCsv, toJsonLines } from './export';

const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const entry = (record: AccessLogEntry['record'], raw?: string): AccessLogEntry => ({
  timestamp: T0,
  log: '222222222222:/aws/vpc-lattice/x',
  record,
  ...(raw !== undefined ? { raw } : {}),
});

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('l1\nl2')).toBe('"l1\nl2"');
    expect(csvCell('l1\r\nl2')).toBe('"l1\r\nl2"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(403)).toBe('403');
    expect(csvCell(true)).toBe('true');
  });
  it('neutralises formulas but keeps "-" and numbers', () => {
    expect(
      ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '-', '-12', '3.5', '/path', 'a=b'].map(neutralise),
    ).toEqual(["'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", '-', '-12', '3.5', '/path', 'a=b']);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });
});

describe('toCsv / toJsonLines', () => {
  it('writes a header of every documented field plus extras, one row per record', () => {
    const rows = [
      entry({ responseCode: 403, resolvedUser: 'Anonymous', requestPath: '/a,b', zeta: 'z' }),
      entry({}, 'not json'),
    ];
    const cols = exportColumns(rows);
    expect(cols.slice(0, 3)).toEqual(['@timestamp', '@log', 'startTime']);
    expect(cols.slice(-2)).toEqual(['zeta', '@message']);
    const csv = toCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(cols.map((c) => c.replace(/^@/, '')).join(','));
    expect(lines[0]!.startsWith('timestamp,log,startTime,')).toBe(true);
    const cells = lines[1]!.split(',');
    expect(cells[0]).toBe('2024-05-01T09:00:00.000Z');
    expect(lines[1]).toContain('"/a,b"');
    expect(lines[2]!.endsWith(',not json')).toBe(true);
    expect(lines[3]).toBe('');
  });
  it('writes one JSON object per line with values as logged', () => {
    const out = toJsonLines([entry({ responseCode: 403, x: '=1' }), entry({}, 'raw')]);
    expect(
      out
        .split('\n')
        .slice(0, 2)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        '@timestamp': '2024-05-01T09:00:00.000Z',
        '@log': '222222222222:/aws/vpc-lattice/x',
        responseCode: 403,
        x: '=1',
      },
      { '@timestamp': '2024-05-01T09:00:00.000Z', '@log': '222222222222:/aws/vpc-lattice/x', '@message': 'raw' },
    ]);
    expect(toJsonLines([])).toBe('');
  });
  it('names files after the window', () => {
    expect(exportFileName(T0, T0 + 3_600_000, 'csv')).toBe('trellis-access-logs-20240501T0900Z-20240501T1000Z.csv');
  });
});
