/**
 * Folds the rows of the engine's queries into per-entity minute series (target groups, services,
 * denial keys) and baseline totals. A request logged by a network's group AND by its service's own
 * group would count twice, so a service's rows come from its own log group when that query answered,
 * else from its networks' groups (as the topology's traffic overlay does). Pure.
 */
import { parseLatticeArn } from '../domain/arn';
import { parseInsightsTime } from '../domain/accessLog';
import type { Snapshot } from '../domain/snapshot';
import { parseLogGroupArn } from '../logs/logGroup';
import { BIN_MS, DELIVERED_SHARE } from './constants';
import { LATENCY_PERCENTILES, type Window } from './query';

/** Rows of one query of one (account, region). */
export interface QueryRows {
  accountId: string;
  region: string;
  logGroupNames: string[];
  rows: ReadonlyArray<Record<string, string>>;
}

/** Per-minute figures of one target group. */
export interface TgSeries {
  targetGroupArn: string;
  /** Services whose requests reached it. */
  serviceArns: string[];
  requests: number[];
  errors5xx: number[];
  /** p95 duration (ms) of its 2xx requests per minute; undefined without such requests. */
  p95: Array<number | undefined>;
  /** p50, p75, p90, p95 (LATENCY_PERCENTILES) per minute, when the row had all of them. */
  quantiles: Array<number[] | undefined>;
  /** 2xx records per minute behind `p95` (a request logged by two log groups counts twice here). */
  okRequests: number[];
  /** 5xx per `"<code> <failureReason>"` per minute. */
  failures: Record<string, number[]>;
}

/** Per-minute requests of one service. */
export interface ServiceSeries {
  serviceArn: string;
  requests: number[];
}

/** Per-minute denials of one (service, principal, reason). */
export interface DenialSeries {
  serviceArn: string;
  /** The principal with assumed-role sessions folded into their role (see `principalOf`). */
  principal: string;
  /** The `resolvedUser` values behind it (sessions), for the logs link; at most MAX_USERS. */
  users: string[];
  reason: string;
  denials: number[];
}

/** Baseline totals. */
export interface Baseline {
  minutes: number;
  tg: Record<string, { requests: number; errors5xx: number; p95?: number; okRequests: number }>;
  svc: Record<string, number>;
  /** Denials by `denialKey`. */
  denials: Record<string, number>;
}

/** Everything the detectors read. */
export interface Folded {
  window: Window;
  /** Minute starts of the series. */
  minutes: number[];
  tg: Record<string, TgSeries>;
  svc: Record<string, ServiceSeries>;
  denials: Record<string, DenialSeries>;
  baseline: Baseline;
  /** End of the delivered data (ms): the series minutes before it are complete. */
  deliveredUntil: number;
}

const MAX_USERS = 10;
const SESSION = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/;

/**
 * The principal a denial is counted under: an assumed-role session (`arn:aws:sts::1:assumed-role/r/s`)
 * counts as its role (`arn:aws:iam::1:role/r`), so that a role whose tasks rotate sessions is one steady
 * key, not a "new principal" every hour; anything else as it is.
 */
export function principalOf(resolvedUser: string): string {
  const m = SESSION.exec(resolvedUser);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : resolvedUser;
}

/** The key of a denial series. */
export function denialKey(serviceArn: string, principal: string, reason: string): string {
  return `${serviceArn}|${principal}|${reason}`;
}

const logKey = (region: string, log: string) => `${region}|${log}`;

/** Decides which log group's rows count for a service (see the module comment). */
export function rowFilter(
  subs: Snapshot['accessLogSubscriptions'],
  answered: ReadonlyArray<Pick<QueryRows, 'accountId' | 'region' | 'logGroupNames'>>,
): (serviceArn: string, region: string, log: string) => boolean {
  const ok = new Set<string>();
  for (const q of answered) for (const name of q.logGroupNames) ok.add(logKey(q.region, `${q.accountId}:${name}`));
  const own = new Map<string, string>();
  const networkGroups = new Set<string>();
  for (const sub of [...subs].sort((a, b) => a.arn.localeCompare(b.arn))) {
    const g = parseLogGroupArn(sub.destinationArn);
    if (!g) continue;
    const k = logKey(g.region, `${g.accountId}:${g.name}`);
    const kind = parseLatticeArn(sub.resourceArn)?.kind;
    if (kind === 'servicenetwork') networkGroups.add(k);
    else if (kind === 'service' && ok.has(k) && !own.has(sub.resourceArn)) own.set(sub.resourceArn, k);
  }
  return (svc, region, log) => {
    const k = logKey(region, log);
    const mine = own.get(svc);
    return mine ? k === mine : networkGroups.has(k);
  };
}

const num = (v: string | undefined): number => {
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
};
const present = (v: string | undefined): v is string => v !== undefined && v !== '' && v !== '-';

/** The entry of `key`, created by `make` when missing. */
function entry<T>(map: Record<string, T>, key: string, make: () => T): T {
  const found = map[key];
  if (found !== undefined) return found;
  const made = make();
  map[key] = made;
  return made;
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

/** Inputs of `fold`. */
export interface FoldInput {
  subscriptions: Snapshot['accessLogSubscriptions'];
  window: Window;
  baselineMinutes: number;
  series: QueryRows[];
  latency: QueryRows[];
  denials: QueryRows[];
  baseline: QueryRows[];
  latencyBaseline: QueryRows[];
  denialBaseline: QueryRows[];
  /** Minutes ending before this are delivered whatever their counts say (now − ingestion delay). */
  surelyDeliveredBefore: number;
}

/** Folds the six queries' rows. */
export function fold(input: FoldInput): Folded {
  const { window } = input;
  // The last bin may be the current, partial minute (rates tolerate it; counts use whole minutes only).
  const count = Math.ceil((window.endMs - window.startMs) / BIN_MS);
  const minutes = Array.from({ length: count }, (_, i) => window.startMs + i * BIN_MS);
  const idx = (t: string | undefined): number => {
    const ms = parseInsightsTime(t);
    const i = Math.floor((ms - window.startMs) / BIN_MS);
    return Number.isFinite(i) && i >= 0 && i < count ? i : -1;
  };
  const counts = rowFilter(input.subscriptions, [...input.series, ...input.baseline]);
  const countsDenials = rowFilter(input.subscriptions, [...input.denials, ...input.denialBaseline]);
  const out: Folded = {
    window,
    minutes,
    tg: {},
    svc: {},
    denials: {},
    baseline: { minutes: input.baselineMinutes, tg: {}, svc: {}, denials: {} },
    deliveredUntil: window.endMs,
  };
  const totals = zeros(count);
  for (const q of input.series) {
    for (const row of q.rows) {
      const i = idx(row.t);
      const n = num(row.n);
      if (i < 0 || !(n > 0)) continue;
      totals[i]! += n;
      const svc = row.serviceArn;
      if (!present(svc) || !counts(svc, q.region, row['@log'] ?? '')) continue;
      const s = entry(out.svc, svc, () => ({ serviceArn: svc, requests: zeros(count) }));
      s.requests[i]! += n;
      const tgArn = row.targetGroupArn;
      if (!present(tgArn)) continue;
      const tg = entry(out.tg, tgArn, () => ({
        targetGroupArn: tgArn,
        serviceArns: [],
        requests: zeros(count),
        errors5xx: zeros(count),
        p95: new Array<number | undefined>(count).fill(undefined),
        quantiles: new Array<number[] | undefined>(count).fill(undefined),
        okRequests: zeros(count),
        failures: {},
      }));
      if (!tg.serviceArns.includes(svc)) tg.serviceArns.push(svc);
      tg.requests[i]! += n;
      const code = num(row.responseCode);
      if (code >= 500 && code < 600) {
        tg.errors5xx[i]! += n;
        const k = `${code} ${present(row.failureReason) ? row.failureReason : ''}`.trim();
        entry(tg.failures, k, () => zeros(count))[i]! += n;
      }
    }
  }
  // Latency rows: one per (minute, group) per query; a group seen by several queries keeps the fullest.
  for (const q of input.latency) {
    for (const row of q.rows) {
      const i = idx(row.t);
      const n = num(row.n);
      const tg = out.tg[row.targetGroupArn ?? ''];
      const p95 = num(row.p95);
      if (i < 0 || !(n > 0) || !tg || !Number.isFinite(p95) || n <= tg.okRequests[i]!) continue;
      tg.okRequests[i] = n;
      tg.p95[i] = p95;
      const qs = LATENCY_PERCENTILES.map((x) => num(row[`p${x}`]));
      tg.quantiles[i] = qs.every(Number.isFinite) ? qs : undefined;
    }
  }
  for (const q of input.denials) {
    for (const row of q.rows) {
      const i = idx(row.t);
      const n = num(row.n);
      const svc = row.serviceArn;
      if (i < 0 || !(n > 0) || !present(svc) || !countsDenials(svc, q.region, row['@log'] ?? '')) continue;
      const user = row.resolvedUser || '-';
      const principal = principalOf(user);
      const reason = row.authDeniedReason || '-';
      const k = denialKey(svc, principal, reason);
      const d = entry(out.denials, k, () => ({ serviceArn: svc, principal, users: [], reason, denials: zeros(count) }));
      d.denials[i]! += n;
      if (!d.users.includes(user) && d.users.length < MAX_USERS) d.users.push(user);
    }
  }
  for (const q of input.baseline) {
    for (const row of q.rows) {
      const n = num(row.n);
      const svc = row.serviceArn;
      if (!(n > 0) || !present(svc) || !counts(svc, q.region, row['@log'] ?? '')) continue;
      out.baseline.svc[svc] = (out.baseline.svc[svc] ?? 0) + n;
      const tgArn = row.targetGroupArn;
      if (!present(tgArn)) continue;
      const b = entry<Baseline['tg'][string]>(out.baseline.tg, tgArn, () => ({
        requests: 0,
        errors5xx: 0,
        okRequests: 0,
      }));
      b.requests += n;
      const code = num(row.responseCode);
      if (code >= 500 && code < 600) b.errors5xx += n;
    }
  }
  for (const q of input.latencyBaseline) {
    for (const row of q.rows) {
      const n = num(row.n);
      const b = out.baseline.tg[row.targetGroupArn ?? ''];
      const p95 = num(row.p95);
      if (!(n > 0) || !b || !Number.isFinite(p95) || n <= b.okRequests) continue;
      b.okRequests = n;
      b.p95 = p95;
    }
  }
  for (const q of input.denialBaseline) {
    for (const row of q.rows) {
      const n = num(row.n);
      const svc = row.serviceArn;
      if (!(n > 0) || !present(svc) || !countsDenials(svc, q.region, row['@log'] ?? '')) continue;
      const k = denialKey(svc, principalOf(row.resolvedUser || '-'), row.authDeniedReason || '-');
      out.baseline.denials[k] = (out.baseline.denials[k] ?? 0) + n;
    }
  }
  out.deliveredUntil = deliveredUntil(minutes, totals, input.surelyDeliveredBefore, window.endMs);
  return out;
}

/**
 * The end of the delivered data: trailing bins whose record count is below DELIVERED_SHARE of the median
 * whole minute (scaled by the share of the minute a partial last bin covers) are still arriving; bins
 * ending before `surely` count as delivered whatever their counts.
 */
export function deliveredUntil(
  minutes: readonly number[],
  totals: readonly number[],
  surely: number,
  endMs: number,
): number {
  const binEnd = (i: number) => Math.min(minutes[i]! + BIN_MS, endMs);
  const whole = totals.filter((_, i) => binEnd(i) - minutes[i]! === BIN_MS).sort((a, b) => a - b);
  const median = whole[Math.floor(whole.length / 2)] ?? 0;
  let end = minutes.length;
  while (end > 0) {
    const i = end - 1;
    if (binEnd(i) <= surely) break;
    const share = (binEnd(i) - minutes[i]!) / BIN_MS;
    if (median > 0 && totals[i]! >= DELIVERED_SHARE * median * share) break;
    end--;
  }
  return end === 0 ? (minutes[0] ?? endMs) : binEnd(end - 1);
}
