/**
 * Time in the access-log explorer: relative ranges (`1h`) or absolute ones (`from`/`to`), the
 * concrete window a query runs over, the window before it (compare), histogram bin sizes, the
 * ingestion delay of CloudWatch Logs, and when a query is wide enough to ask first. Pure.
 */
import { z } from 'zod';
import type { BinPeriod } from './query';

/** Relative ranges the explorer offers, shortest first. */
export const RELATIVE_RANGES = ['5m', '15m', '30m', '1h', '3h', '6h', '12h', '24h', '2d', '7d'] as const;
/** One of `RELATIVE_RANGES`. */
export type RelativeRange = (typeof RELATIVE_RANGES)[number];

/** The time range of the view: the last `range`, or fixed bounds. */
export type TimeRange = { kind: 'relative'; range: RelativeRange } | { kind: 'absolute'; fromMs: number; toMs: number };

/** A concrete window, whole seconds (Logs Insights takes epoch seconds). */
export interface TimeWindow {
  startMs: number;
  endMs: number;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** Milliseconds of a duration such as `5m`, `1h`, `7d` (also bin periods). */
export function durationMs(d: string): number {
  const m = /^(\d+)([smhdw])$/.exec(d);
  if (!m) throw new Error(`not a duration: ${d}`);
  return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
}

/** Logs reach CloudWatch about this late (ARCHITECTURE §3). */
export const INGESTION_DELAY_MS = 2 * 60_000;
/** The longest absolute range accepted from a URL. */
export const MAX_SPAN_MS = 31 * UNIT_MS.d;

const ISO = z.iso.datetime({ offset: true });

/** Parses `range` / `from` / `to`; bad values are reported and the default (last hour) used. */
export function parseTimeParams(p: {
  range?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): { time: TimeRange; problems: string[] } {
  const problems: string[] = [];
  const fallback: TimeRange = { kind: 'relative', range: '1h' };
  if (p.from !== undefined || p.to !== undefined) {
    const from = ISO.safeParse(p.from ?? '');
    const to = ISO.safeParse(p.to ?? '');
    if (!from.success || !to.success) {
      problems.push(
        `Ignored from/to: both must be ISO times such as 2024-05-01T09:00:00Z ` +
          `(got from=${JSON.stringify(p.from ?? '')}, to=${JSON.stringify(p.to ?? '')}).`,
      );
    } else {
      const fromMs = Date.parse(from.data);
      const toMs = Date.parse(to.data);
      if (!(toMs > fromMs)) problems.push('Ignored from/to: "to" must be after "from".');
      else if (toMs - fromMs > MAX_SPAN_MS) problems.push('Ignored from/to: a range may span at most 31 days.');
      else {
        if (p.range !== undefined) problems.push('Ignored range: from/to are set.');
        return { time: { kind: 'absolute', fromMs: floorSec(fromMs), toMs: ceilSec(toMs) }, problems };
      }
    }
  }
  if (p.range === undefined) return { time: fallback, problems };
  if ((RELATIVE_RANGES as readonly string[]).includes(p.range))
    return { time: { kind: 'relative', range: p.range as RelativeRange }, problems };
  problems.push(`Ignored range=${JSON.stringify(p.range)}: use one of ${RELATIVE_RANGES.join(', ')}.`);
  return { time: fallback, problems };
}

/** URL parameters of a time range (the default, last hour, has none). */
export function timeToParams(t: TimeRange): Array<[string, string]> {
  if (t.kind === 'absolute')
    return [
      ['from', isoSec(t.fromMs)],
      ['to', isoSec(t.toMs)],
    ];
  return t.range === '1h' ? [] : [['range', t.range]];
}

/** `2024-05-01T09:00:00Z` (milliseconds dropped when zero). */
export function isoSec(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function floorSec(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}
function ceilSec(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

/** The window a time range covers at `nowMs`, in whole seconds. */
export function resolveWindow(t: TimeRange, nowMs: number): TimeWindow {
  if (t.kind === 'absolute') return { startMs: t.fromMs, endMs: t.toMs };
  const endMs = ceilSec(nowMs);
  return { startMs: endMs - durationMs(t.range), endMs };
}

/** The window of the same length just before `w` (compare with the previous period). */
export function previousWindow(w: TimeWindow): TimeWindow {
  return { startMs: w.startMs - (w.endMs - w.startMs), endMs: w.startMs };
}

const BIN_CHOICES: readonly BinPeriod[] = [
  '10s',
  '30s',
  '1m',
  '5m',
  '10m',
  '15m',
  '30m',
  '1h',
  '3h',
  '6h',
  '12h',
  '1d',
];
/** At most this many bars in the histogram. */
export const MAX_BINS = 180;

/** The smallest bin period that keeps the histogram of a window under `MAX_BINS` bars. */
export function binFor(w: TimeWindow): BinPeriod {
  const span = w.endMs - w.startMs;
  for (const b of BIN_CHOICES) if (span / durationMs(b) <= MAX_BINS) return b;
  return '1d';
}

/** True when the end of the window is so recent that logs may still be arriving. */
export function mayBeIncomplete(w: TimeWindow, nowMs: number): boolean {
  return w.endMs > nowMs - INGESTION_DELAY_MS;
}

/** Hours × log groups above which a query asks before running (e.g. 24 h over 3 groups, or 7 d over 1). */
export const CONFIRM_GROUP_HOURS = 48;

/** True when a query over `w` and `groupCount` log groups is wide enough to ask first. */
export function needsConfirmation(w: TimeWindow, groupCount: number): boolean {
  return ((w.endMs - w.startMs) / UNIT_MS.h) * Math.max(1, groupCount) > CONFIRM_GROUP_HOURS;
}

/** A short label of a window's length: `1h`, `90m`, `2d 3h`. */
export function spanLabel(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return `${Math.round(ms / 1000)}s`;
  if (min < 120) return `${min}m`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h}h` : `${h}h ${min % 60}m`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d}d` : `${d}d ${h % 24}h`;
}
