/**
 * A typed AST of the Logs Insights queries Trellis runs, and its printer. User text never reaches a
 * query except as a literal value that the printer escapes; field names and regexes are checked, and
 * anything that cannot be printed safely is refused (TrellisError VALIDATION). Pure.
 */
import { TrellisError } from '../domain/errors';

/** A field: a system field (`@timestamp`) or a JSON field of the record (`responseCode`, `a.b`). */
export type FieldName = string;

/** A literal value. */
export type Literal = string | number;

/** A filter condition. */
export type Condition =
  | { op: '=' | '!=' | '<' | '<=' | '>' | '>='; field: FieldName; value: Literal }
  | { op: 'in' | 'not in'; field: FieldName; values: Literal[] }
  /** Substring match (`like "x"`). */
  | { op: 'contains'; field: FieldName; value: string }
  /** Prefix match, printed as an anchored regex with every metacharacter escaped. */
  | { op: 'prefix'; field: FieldName; value: string }
  | { op: 'present'; field: FieldName }
  | { op: 'and' | 'or'; conditions: Condition[] }
  | { op: 'not'; condition: Condition };

/** Bin periods the console uses. */
export const BIN_PERIODS = ['10s', '30s', '1m', '5m', '10m', '15m', '30m', '1h', '3h', '6h', '12h', '1d'] as const;
/** One of `BIN_PERIODS`. */
export type BinPeriod = (typeof BIN_PERIODS)[number];

/** An aggregation of a stats command. */
export type Aggregation =
  | { fn: 'count'; field?: FieldName }
  | { fn: 'count_distinct' | 'sum' | 'avg' | 'min' | 'max'; field: FieldName }
  | { fn: 'pct'; field: FieldName; percentile: number };

/** A grouping key of a stats command. */
export type GroupKey = { field: FieldName; as?: string } | { bin: BinPeriod; as?: string };

/** A query. Commands print in a fixed order: fields, filterIndex, filter, stats, sort, limit. */
export interface InsightsQuery {
  fields?: FieldName[];
  /**
   * `filterIndex field = v` / `in [..]`: on log groups with a field index on `field` the scan skips the
   * other values' events (and groups without that index are skipped whole: use it only when all have it).
   */
  filterIndex?: { field: FieldName; values: Literal[] };
  filter?: Condition;
  stats?: { aggregations: Array<{ agg: Aggregation; as: string }>; by: GroupKey[] };
  sort?: Array<{ field: FieldName; order: 'asc' | 'desc' }>;
  limit?: number;
}

const FIELD = /^@?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_LITERAL = 4096;

function refuse(message: string): never {
  throw new TrellisError('VALIDATION', message);
}

/** Prints a field name; refuses anything but plain identifiers (no backticks, spaces or operators). */
export function printField(name: FieldName): string {
  if (!FIELD.test(name)) refuse(`Not a valid log field name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * Prints a string literal in double quotes, escaping backslash, quote and line breaks; refuses other control
 * characters.
 */
export function printString(value: string): string {
  if (value.length > MAX_LITERAL) refuse(`A filter value is longer than ${MAX_LITERAL} characters`);
  let out = '"';
  for (const ch of value) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u007f' || ch === '\u2028' || ch === '\u2029')
      refuse('A filter value contains a control character');
    else out += ch;
  }
  return `${out}"`;
}

/** Prints a number; refuses NaN and infinities. */
export function printNumber(n: number): string {
  if (!Number.isFinite(n)) refuse(`Not a finite number: ${n}`);
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}

function printLiteral(v: Literal): string {
  return typeof v === 'number' ? printNumber(v) : printString(v);
}

/** Escapes text for a regex literal `/…/`: every metacharacter and the delimiter become escaped. */
export function escapeRegex(value: string): string {
  if (value.length > MAX_LITERAL) refuse(`A filter value is longer than ${MAX_LITERAL} characters`);
  let out = '';
  for (const ch of value) {
    if ('\\^$.|?*+()[]{}/-'.includes(ch)) out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ' || ch === '\u007f' || ch === '\u2028' || ch === '\u2029')
      refuse('A filter value contains a control character');
    else out += ch;
  }
  return out;
}

/** Prints a condition (fully parenthesised where precedence matters). */
export function printCondition(c: Condition): string {
  switch (c.op) {
    case 'and':
    case 'or':
      if (c.conditions.length === 0) refuse(`An empty '${c.op}' condition`);
      return c.conditions.length === 1
        ? printCondition(c.conditions[0]!)
        : c.conditions.map((x) => `(${printCondition(x)})`).join(` ${c.op} `);
    case 'not':
      return `not (${printCondition(c.condition)})`;
    case 'present':
      return `ispresent(${printField(c.field)})`;
    case 'contains':
      return `${printField(c.field)} like ${printString(c.value)}`;
    case 'prefix':
      return `${printField(c.field)} like /^${escapeRegex(c.value)}/`;
    case 'in':
    case 'not in':
      if (c.values.length === 0) refuse(`An empty '${c.op}' list for ${c.field}`);
      return `${printField(c.field)} ${c.op} [${c.values.map(printLiteral).join(', ')}]`;
    default:
      return `${printField(c.field)} ${c.op} ${printLiteral(c.value)}`;
  }
}

function printAggregation(a: Aggregation): string {
  switch (a.fn) {
    case 'count':
      return a.field ? `count(${printField(a.field)})` : 'count(*)';
    case 'pct':
      if (!(a.percentile >= 0 && a.percentile <= 100)) refuse(`A percentile must be 0–100, got ${a.percentile}`);
      return `pct(${printField(a.field)}, ${printNumber(a.percentile)})`;
    default:
      return `${a.fn}(${printField(a.field)})`;
  }
}

function printAlias(as: string | undefined): string {
  if (as === undefined) return '';
  if (!ALIAS.test(as)) refuse(`Not a valid column alias: ${JSON.stringify(as)}`);
  return ` as ${as}`;
}

/** Prints the whole query, one command per line joined by ` | `. */
export function printQuery(q: InsightsQuery): string {
  const parts: string[] = [];
  if (q.fields && q.fields.length > 0) parts.push(`fields ${q.fields.map(printField).join(', ')}`);
  if (q.filterIndex) {
    const { field, values } = q.filterIndex;
    const cond: Condition = values.length === 1 ? { op: '=', field, value: values[0]! } : { op: 'in', field, values };
    parts.push(`filterIndex ${printCondition(cond)}`);
  }
  if (q.filter) parts.push(`filter ${printCondition(q.filter)}`);
  if (q.stats) {
    if (q.stats.aggregations.length === 0) refuse('A stats command needs an aggregation');
    const aggs = q.stats.aggregations.map((x) => `${printAggregation(x.agg)}${printAlias(x.as)}`).join(', ');
    const by = q.stats.by
      .map((k) => ('bin' in k ? `bin(${k.bin})` : printField(k.field)) + printAlias(k.as))
      .join(', ');
    parts.push(`stats ${aggs}${by ? ` by ${by}` : ''}`);
  }
  if (q.sort && q.sort.length > 0)
    parts.push(`sort ${q.sort.map((s) => `${printField(s.field)} ${s.order}`).join(', ')}`);
  if (q.limit !== undefined) {
    if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > 10_000) refuse(`limit must be 1–10000, got ${q.limit}`);
    parts.push(`limit ${q.limit}`);
  }
  if (parts.length === 0) refuse('An empty query');
  return parts.join('\n| ');
}
