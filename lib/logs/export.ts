/**
 * Export of the records shown: CSV (RFC 4180 quoting; cells that a spreadsheet would run as a
 * formula are neutralised) or JSON lines (one record per line, values as logged). Pure.
 */
import { ACCESS_LOG_FIELDS, type AccessLogEntry, type RecordValue } from '../domain/accessLog';

/** Columns of an export: time and source, the documented fields, then any other field seen. */
export function exportColumns(entries: readonly AccessLogEntry[]): string[] {
  const known = new Set<string>(ACCESS_LOG_FIELDS);
  const extra = new Set<string>();
  for (const e of entries) for (const k of Object.keys(e.record)) if (!known.has(k)) extra.add(k);
  return [
    '@timestamp',
    '@log',
    ...ACCESS_LOG_FIELDS,
    ...[...extra].sort(),
    ...(entries.some((e) => e.raw !== undefined) ? ['@message'] : []),
  ];
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A cell that cannot start a formula: text beginning with `= + - @`, tab or carriage return gets a
 * leading `'` (OWASP CSV injection). The log's missing-value marker `-` and plain numbers are kept,
 * since no spreadsheet evaluates them.
 */
export function neutralise(text: string): string {
  if (text === '-' || PLAIN_NUMBER.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: neutralised, and quoted when it holds a comma, quote or line break. */
export function csvCell(value: RecordValue | undefined): string {
  if (value === undefined || value === null) return '';
  const text = neutralise(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellValue(e: AccessLogEntry, column: string): RecordValue | undefined {
  if (column === '@timestamp') return new Date(e.timestamp).toISOString();
  if (column === '@log') return e.log;
  if (column === '@message') return e.raw;
  return e.record[column];
}

/** The entries as CSV with a header row (`timestamp`, `log`, fields…, `message`), CRLF line ends. */
export function toCsv(entries: readonly AccessLogEntry[]): string {
  const cols = exportColumns(entries);
  // Header cells without the `@` of Insights' system fields, which a spreadsheet would take for a formula.
  const lines = [cols.map((c) => csvCell(c.replace(/^@/, ''))).join(',')];
  for (const e of entries) lines.push(cols.map((c) => csvCell(cellValue(e, c))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The entries as JSON lines: `{"@timestamp": …, "@log": …, …fields}` per line. */
export function toJsonLines(entries: readonly AccessLogEntry[]): string {
  return (
    entries
      .map((e) =>
        JSON.stringify({
          '@timestamp': new Date(e.timestamp).toISOString(),
          '@log': e.log,
          ...(e.raw !== undefined ? { '@message': e.raw } : {}),
          ...e.record,
        }),
      )
      .join('\n') + (entries.length > 0 ? '\n' : '')
  );
}

/** A file name for an export of a window: `trellis-access-logs-20240501T0900Z-20240501T1000Z.csv`. */
export function exportFileName(startMs: number, endMs: number, ext: 'csv' | 'jsonl'): string {
  const t = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z')
      .replace(/(\d{4})\d\dZ$/, '$1Z');
  return `trellis-access-logs-${t(startMs)}-${t(endMs)}.${ext}`;
}
