/**
 * The filters of the access-log explorer (/logs) and their URL form. Every filter is a typed value
 * of one dimension (a record field and how it matches); the URL holds all of them so that a triage
 * link shows a colleague the same view. Pure; values are validated here (zod) and printed into
 * queries only as escaped literals (lib/logs/panelQueries).
 *
 * URL contract: `network`, `service`, `targetGroup` (ARNs; fixed, the topology page links with
 * them), `range` (5m…7d) or `from`/`to` (ISO), `code` (503, 5xx, 500-504), `user`, `authDenied`,
 * `failure`, `method`, `path` (exact), `pathPrefix`, `sourceVpc`, `userAgent` (substring), `text`
 * (substring of the whole record); each repeatable, OR within a dimension and AND across them;
 * `not<Param>` (e.g. `notCode=2xx`, `notUser=…`) excludes; `source` picks log groups by ARN
 * (instead of the automatic choice); `compare=1` adds the previous period.
 */
import { z } from 'zod';
import { parseLatticeArn, type LatticeKind } from '../domain/arn';
import { parseLogGroupArn } from './logGroup';
import { parseTimeParams, timeToParams, type TimeRange } from './time';

/** How a dimension's values match its field. */
export type MatchKind = 'exact' | 'code' | 'prefix' | 'contains';

/** A filterable dimension. */
export interface FilterDim {
  /** Record field (JSON key of the access-log record, or `@message`). */
  field: string;
  /** URL parameter of included values; excluded values use `not` + Param. */
  param: string;
  match: MatchKind;
  label: string;
  /** Validates one value (after trimming). */
  value: z.ZodType<string>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point of this pattern is to find control characters.
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
const text = (max: number) =>
  z
    .string()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters or line breaks');

const arnOf = (kind: LatticeKind, what: string) =>
  z
    .string()
    .refine((s) => s === '-' || parseLatticeArn(s)?.kind === kind, `must be a VPC Lattice ${what} ARN (or "-")`);

/** A status code (`503`), a class (`5xx`) or an inclusive range (`500-504`). */
export const CODE_VALUE = z.string().refine((s) => {
  if (/^[1-5]xx$/.test(s) || /^[1-5]\d\d$/.test(s)) return true;
  const m = /^([1-5]\d\d)-([1-5]\d\d)$/.exec(s);
  return m !== null && Number(m[1]) <= Number(m[2]);
}, 'must be a status code (503), a class (5xx) or a range (500-504)');

/** Every dimension, by key. Order is the order of the URL and of the filter chips. */
export const FILTER_DIMS = {
  network: {
    field: 'serviceNetworkArn',
    param: 'network',
    match: 'exact',
    label: 'Network',
    value: arnOf('servicenetwork', 'service network'),
  },
  service: {
    field: 'serviceArn',
    param: 'service',
    match: 'exact',
    label: 'Service',
    value: arnOf('service', 'service'),
  },
  targetGroup: {
    field: 'targetGroupArn',
    param: 'targetGroup',
    match: 'exact',
    label: 'Target group',
    value: arnOf('targetgroup', 'target group'),
  },
  code: { field: 'responseCode', param: 'code', match: 'code', label: 'Status', value: CODE_VALUE },
  user: { field: 'resolvedUser', param: 'user', match: 'exact', label: 'Resolved user', value: text(2048) },
  authDenied: {
    field: 'authDeniedReason',
    param: 'authDenied',
    match: 'exact',
    label: 'Auth denied reason',
    value: text(256),
  },
  failure: { field: 'failureReason', param: 'failure', match: 'exact', label: 'Failure reason', value: text(256) },
  method: {
    field: 'requestMethod',
    param: 'method',
    match: 'exact',
    label: 'Method',
    value: z.string().regex(/^(-|[A-Za-z]{1,32})$/, 'must be an HTTP method such as GET'),
  },
  path: { field: 'requestPath', param: 'path', match: 'exact', label: 'Path', value: text(2048) },
  pathPrefix: { field: 'requestPath', param: 'pathPrefix', match: 'prefix', label: 'Path prefix', value: text(2048) },
  sourceVpc: { field: 'sourceVpcId', param: 'sourceVpc', match: 'exact', label: 'Source VPC', value: text(64) },
  userAgent: {
    field: 'userAgent',
    param: 'userAgent',
    match: 'contains',
    label: 'User agent contains',
    value: text(512),
  },
  text: { field: '@message', param: 'text', match: 'contains', label: 'Text', value: text(1024) },
} as const satisfies Record<string, FilterDim>;

/** A dimension key. */
export type DimKey = keyof typeof FILTER_DIMS;
/** Every dimension key, in URL order. */
export const DIM_KEYS = Object.keys(FILTER_DIMS) as DimKey[];

/** Values per dimension. */
export type DimValues = Partial<Record<DimKey, string[]>>;

/** The whole state of the explorer that the URL carries. */
export interface LogFilters {
  time: TimeRange;
  /** Values that records must match (OR within a dimension, AND across). */
  include: DimValues;
  /** Values that records must not match. */
  exclude: DimValues;
  /** Log group ARNs chosen by hand; empty = automatic choice from the selection. */
  sources: string[];
  /** Also show the period before, with deltas. */
  compare: boolean;
  /** How the breakdowns rank their values (lib/logs/ranking); `count` by default. */
  rank: Rank;
}

/** How breakdowns rank values: by requests, by their rate of the filtered requests, by change. */
export const RANKS = ['count', 'rate', 'change'] as const;
/** One of `RANKS`. */
export type Rank = (typeof RANKS)[number];

/** The default view: the last hour, every log group, no filter. */
export function defaultFilters(): LogFilters {
  return {
    time: { kind: 'relative', range: '1h' },
    include: {},
    exclude: {},
    sources: [],
    compare: false,
    rank: 'count',
  };
}

/** The URL parameter of excluded values of a dimension. */
export function excludeParam(dim: DimKey): string {
  const p = FILTER_DIMS[dim].param;
  return `not${p[0]!.toUpperCase()}${p.slice(1)}`;
}

/** Values a URL-like object offers. */
export interface ParamSource {
  getAll(name: string): string[];
  keys(): Iterable<string>;
}

/** The filters of a URL, and a message for each parameter that was ignored. */
export interface ParsedFilters {
  filters: LogFilters;
  problems: string[];
}

const MAX_VALUES = 50;
const TIME_PARAMS = ['range', 'from', 'to'];
const LOG_GROUP_ARN = z
  .string()
  .refine((s) => parseLogGroupArn(s) !== undefined, 'must be a CloudWatch Logs log group ARN');

function values(params: ParamSource, name: string, schema: z.ZodType<string>, problems: string[]): string[] {
  const out: string[] = [];
  for (const raw of params.getAll(name)) {
    const v = raw.trim();
    const r = schema.safeParse(v);
    if (!r.success)
      problems.push(
        `Ignored ${name}=${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)}: ` +
          `${r.error.issues[0]?.message ?? 'invalid'}.`,
      );
    else if (!out.includes(r.data)) out.push(r.data);
  }
  if (out.length > MAX_VALUES) {
    problems.push(`Only the first ${MAX_VALUES} values of ${name} are used.`);
    return out.slice(0, MAX_VALUES);
  }
  return out;
}

/** Parses the explorer's URL parameters; a bad parameter is reported and ignored, never thrown. */
export function parseLogFilters(params: ParamSource): ParsedFilters {
  const problems: string[] = [];
  const filters = defaultFilters();
  const known = new Set<string>([...TIME_PARAMS, 'source', 'compare', 'rank']);
  for (const dim of DIM_KEYS) {
    const d: FilterDim = FILTER_DIMS[dim];
    known.add(d.param).add(excludeParam(dim));
    const inc = values(params, d.param, d.value, problems);
    const exc = values(params, excludeParam(dim), d.value, problems);
    if (inc.length > 0) filters.include[dim] = inc;
    if (exc.length > 0) filters.exclude[dim] = exc;
  }
  const time = parseTimeParams({
    range: params.getAll('range')[0],
    from: params.getAll('from')[0],
    to: params.getAll('to')[0],
  });
  problems.push(...time.problems);
  filters.time = time.time;
  filters.sources = values(params, 'source', LOG_GROUP_ARN, problems);
  const compare = params.getAll('compare')[0];
  if (compare !== undefined) {
    if (compare === '1' || compare === 'true') filters.compare = true;
    else if (compare !== '0' && compare !== 'false')
      problems.push(`Ignored compare=${JSON.stringify(compare)}: use compare=1.`);
  }
  const rank = params.getAll('rank')[0];
  if (rank !== undefined) {
    if ((RANKS as readonly string[]).includes(rank)) filters.rank = rank as Rank;
    else problems.push(`Ignored rank=${JSON.stringify(rank)}: use rank=${RANKS.join(', rank=')}.`);
  }
  const unknown = [...new Set(params.keys())].filter((k) => !known.has(k));
  if (unknown.length > 0)
    problems.push(
      `Ignored unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}.`,
    );
  return { filters, problems };
}

/** The canonical URL parameters of filters (what `parseLogFilters` reads back unchanged). */
export function filtersToParams(f: LogFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const dim of DIM_KEYS) {
    for (const v of f.include[dim] ?? []) p.append(FILTER_DIMS[dim].param, v);
    for (const v of f.exclude[dim] ?? []) p.append(excludeParam(dim), v);
  }
  for (const [k, v] of timeToParams(f.time)) p.append(k, v);
  for (const s of f.sources) p.append('source', s);
  if (f.compare) p.append('compare', '1');
  if (f.rank !== 'count') p.append('rank', f.rank);
  return p;
}

/**
 * Filters with one value added to a dimension (included, or excluded with `exclude`); the value leaves the
 * other side.
 */
export function withValue(f: LogFilters, dim: DimKey, value: string, exclude = false): LogFilters {
  const add = exclude ? 'exclude' : 'include';
  const drop = exclude ? 'include' : 'exclude';
  const next: LogFilters = { ...f, include: { ...f.include }, exclude: { ...f.exclude } };
  const without = (next[drop][dim] ?? []).filter((v) => v !== value);
  next[drop][dim] = without.length > 0 ? without : undefined;
  const list = next[add][dim] ?? [];
  next[add][dim] = list.includes(value) ? list : [...list, value];
  return prune(next);
}

/** Filters without one value of a dimension (on either side). */
export function withoutValue(f: LogFilters, dim: DimKey, value: string, exclude: boolean): LogFilters {
  const side = exclude ? 'exclude' : 'include';
  const next: LogFilters = { ...f, [side]: { ...f[side], [dim]: (f[side][dim] ?? []).filter((v) => v !== value) } };
  return prune(next);
}

function prune(f: LogFilters): LogFilters {
  for (const side of ['include', 'exclude'] as const) {
    for (const dim of DIM_KEYS) if ((f[side][dim]?.length ?? 0) === 0) delete f[side][dim];
  }
  return f;
}

/** One active filter, for chips. */
export interface FilterChip {
  dim: DimKey;
  value: string;
  exclude: boolean;
}

/** Every active filter value in URL order. */
export function filterChips(f: LogFilters): FilterChip[] {
  const out: FilterChip[] = [];
  for (const dim of DIM_KEYS) {
    for (const value of f.include[dim] ?? []) out.push({ dim, value, exclude: false });
    for (const value of f.exclude[dim] ?? []) out.push({ dim, value, exclude: true });
  }
  return out;
}

/** Validates one value a user typed for a dimension; the message when it is not acceptable. */
export function checkValue(dim: DimKey, value: string): { ok: true; value: string } | { ok: false; message: string } {
  const d: FilterDim = FILTER_DIMS[dim];
  const r = d.value.safeParse(value.trim());
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, message: `${d.label} ${r.error.issues[0]?.message ?? 'is invalid'}` };
}
