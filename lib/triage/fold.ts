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
import type { Window } from './query';

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
  /** p95 duration (ms) of its most frequent 2xx code per minute; undefined without such requests. */
  p95: Array<number | undefined>;
  /** 2xx requests per minute behind `p95`. */
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
  principal: string;
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
  denials: QueryRows[];
  baseline: QueryRows[];
  denialBaseline: QueryRows[];
  /** Minutes ending before this are delivered whatever their counts say (now − ingestion delay). */
  surelyDeliveredBefore: number;
}

/** Folds the four queries' rows. */
export function fold(input: FoldInput): Folded {
  const { window } = input;
  const count = Math.round((window.endMs - window.startMs) / BIN_MS);
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
  // The 2xx code with the most requests per (tg, minute) supplies that minute's p95.
  const okBest: Record<string, number[]> = {};
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
      } else if (code >= 200 && code < 300) {
        tg.okRequests[i]! += n;
        const best = entry(okBest, tgArn, () => zeros(count));
        const p95 = num(row.p95);
        if (n > best[i]! && Number.isFinite(p95)) {
          best[i] = n;
          tg.p95[i] = p95;
        }
      }
    }
  }
  for (const q of input.denials) {
    for (const row of q.rows) {
      const i = idx(row.t);
      const n = num(row.n);
      const svc = row.serviceArn;
      if (i < 0 || !(n > 0) || !present(svc) || !countsDenials(svc, q.region, row['@log'] ?? '')) continue;
      const principal = row.resolvedUser || '-';
      const reason = row.authDeniedReason || '-';
      const k = denialKey(svc, principal, reason);
      entry(out.denials, k, () => ({ serviceArn: svc, principal, reason, denials: zeros(count) })).denials[i]! += n;
    }
  }
  const okBase: Record<string, number> = {};
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
      else if (code >= 200 && code < 300) {
        b.okRequests += n;
        const p95 = num(row.p95);
        if (n > (okBase[tgArn] ?? 0) && Number.isFinite(p95)) {
          okBase[tgArn] = n;
          b.p95 = p95;
        }
      }
    }
  }
  for (const q of input.denialBaseline) {
    for (const row of q.rows) {
      const n = num(row.n);
      const svc = row.serviceArn;
      if (!(n > 0) || !present(svc) || !countsDenials(svc, q.region, row['@log'] ?? '')) continue;
      const k = denialKey(svc, row.resolvedUser || '-', row.authDeniedReason || '-');
      out.baseline.denials[k] = (out.baseline.denials[k] ?? 0) + n;
    }
  }
  out.deliveredUntil = deliveredUntil(minutes, totals, input.surelyDeliveredBefore);
  return out;
}

/**
 * The end of the delivered minutes: trailing minutes whose record count is below DELIVERED_SHARE of the
 * median of the minutes before them are still arriving; minutes ending before `surely` count as delivered.
 */
export function deliveredUntil(minutes: readonly number[], totals: readonly number[], surely: number): number {
  let end = minutes.length;
  const sorted = [...totals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  while (end > 0) {
    const start = minutes[end - 1]!;
    if (start + BIN_MS <= surely) break;
    if (median > 0 && totals[end - 1]! >= DELIVERED_SHARE * median) break;
    end--;
  }
  return end === 0 ? (minutes[0] ?? 0) : minutes[end - 1]! + BIN_MS;
}
