/**
 * VPC Lattice access-log records (ARCHITECTURE §3) as the explorer shows them: the fields in their
 * documented order, status classes, and the parsing of a Logs Insights result row (`@message` is
 * the JSON record). Pure.
 */

/** Every field of an access-log record, in the documented order. */
export const ACCESS_LOG_FIELDS = [
  'startTime',
  'serviceNetworkArn',
  'serviceArn',
  'targetGroupArn',
  'listenerType',
  'listenerId',
  'sourceVpcArn',
  'sourceVpcId',
  'destinationVpcId',
  'sourceIpPort',
  'targetIpPort',
  'requestMethod',
  'requestPath',
  'protocol',
  'hostHeader',
  'serverNameIndication',
  'userAgent',
  'responseCode',
  'bytesReceived',
  'bytesSent',
  'duration',
  'requestToTargetDuration',
  'responseFromTargetDuration',
  'failureReason',
  'resolvedUser',
  'authDeniedReason',
  'callerPrincipal',
  'callerPrincipalOrgID',
  'sslCipher',
  'tlsVersion',
  'callerX509IssuerOU',
  'callerX509SubjectCN',
  'callerX509SANNameCN',
  'callerX509SANDNS',
  'callerX509SANURI',
] as const;

/** A record value as JSON gives it. */
export type RecordValue = string | number | boolean | null;

/** One access-log event: when, where it was read from, and its fields. */
export interface AccessLogEntry {
  /** Event time, ms since the epoch (`@timestamp`). */
  timestamp: number;
  /** `@log`: `<account>:<log group name>`. */
  log: string;
  /** The record's fields (all of them, including any not in ACCESS_LOG_FIELDS). */
  record: Record<string, RecordValue>;
  /** The raw message when it was not a JSON object. */
  raw?: string;
}

/** Status classes of the histogram: 403 (denials) apart from the other 4xx. */
export const STATUS_CLASSES = ['2xx', '3xx', '4xx', '403', '5xx', 'other'] as const;
/** One of `STATUS_CLASSES`. */
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** The class of a status code as Logs Insights prints it (`"503"`, `"-"`, missing). */
export function statusClass(code: string | number | undefined | null): StatusClass {
  const n = typeof code === 'number' ? code : Number(code);
  if (!Number.isInteger(n)) return 'other';
  if (n === 403) return '403';
  if (n >= 200 && n < 300) return '2xx';
  if (n >= 300 && n < 400) return '3xx';
  if (n >= 400 && n < 500) return '4xx';
  if (n >= 500 && n < 600) return '5xx';
  return 'other';
}

/** Parses Logs Insights' `yyyy-MM-dd HH:mm:ss.SSS` (UTC) or epoch ms; NaN when neither. */
export function parseInsightsTime(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  if (/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,3})?$/.test(s)) return Date.parse(`${s.replace(' ', 'T')}Z`);
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** Fields that the record holds as JSON numbers (Insights prints every value as text). */
export const NUMERIC_FIELDS: ReadonlySet<string> = new Set([
  'responseCode',
  'bytesReceived',
  'bytesSent',
  'duration',
  'requestToTargetDuration',
  'responseFromTargetDuration',
]);

/**
 * A result row of the records query as an entry: either the record's fields as columns (numbers of
 * NUMERIC_FIELDS back to numbers, `"-"` kept), or a `@message` holding the JSON record.
 */
export function toAccessLogEntry(row: Readonly<Record<string, string>>): AccessLogEntry {
  const timestamp = parseInsightsTime(row['@timestamp']);
  const base = { timestamp: Number.isNaN(timestamp) ? 0 : timestamp, log: row['@log'] ?? '' };
  if (row['@message'] === undefined) {
    const record: Record<string, RecordValue> = {};
    for (const [k, v] of Object.entries(row)) {
      if (k.startsWith('@')) continue;
      record[k] = NUMERIC_FIELDS.has(k) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    }
    return { ...base, record };
  }
  const message = row['@message'];
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const record: Record<string, RecordValue> = {};
      for (const [k, v] of Object.entries(parsed))
        record[k] =
          v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
            ? v
            : JSON.stringify(v);
      return { ...base, record };
    }
  } catch {
    // not JSON: shown raw
  }
  return { ...base, record: {}, raw: message };
}

/** A field of a record as text (`"-"` stays `"-"`, missing is empty). */
export function fieldText(e: AccessLogEntry, field: string): string {
  const v = e.record[field];
  return v === undefined || v === null ? '' : String(v);
}
