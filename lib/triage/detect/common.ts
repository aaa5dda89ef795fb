/** What every detector shares: its input, its output, the recent window and the two-point confirmation. Pure. */
import { BIN_MS, MAX_LOG_P, RECENT_MINUTES } from '../constants';
import type { Folded } from '../fold';
import type { Places } from '../where';
import type { Finding } from '../types';

/** Inputs of the log-based detectors. */
export interface DetectInput {
  folded: Folded;
  places: Places;
}

/** A finding before persistence: `confirmed` when it also fired one minute earlier, or is extreme. */
export interface Candidate {
  finding: Finding;
  confirmed: boolean;
}

/** Index just past the last delivered bin of the series (that bin may be a partial minute). */
export function deliveredIndex(f: Folded): number {
  return Math.max(0, Math.min(f.minutes.length, Math.ceil((f.deliveredUntil - f.window.startMs) / BIN_MS)));
}

/** Index just past the last delivered WHOLE minute (for counts: a partial minute looks like a drop). */
export function wholeIndex(f: Folded): number {
  return Math.max(0, Math.min(f.minutes.length, Math.floor((f.deliveredUntil - f.window.startMs) / BIN_MS)));
}

/** Minutes of data in bins [from, to) of delivered data (the last one may be partial). */
export function exposure(f: Folded, from: number, to: number): number {
  let m = 0;
  for (let i = Math.max(0, from); i < to; i++) {
    const start = f.minutes[i] ?? 0;
    m += Math.max(0, Math.min(start + BIN_MS, f.deliveredUntil) - start) / BIN_MS;
  }
  return m;
}

/** End (ms) of bin index `end` − 1, capped by the delivered data. */
export function endMs(f: Folded, end: number): number {
  return Math.min(f.window.startMs + end * BIN_MS, f.deliveredUntil);
}

/** Sum of `xs[from..to)`. */
export function sum(xs: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i < to; i++) s += xs[i] ?? 0;
  return s;
}

/** The recent window ending at index `end` (exclusive). */
export function recent(end: number): { from: number; to: number } {
  return { from: Math.max(0, end - RECENT_MINUTES), to: end };
}

/** −log10 p, capped (ranking only). */
export function logP(p: number): number {
  return p <= 0 ? MAX_LOG_P : Math.min(MAX_LOG_P, -Math.log10(p));
}

/** ISO time of a series minute. */
export function minuteIso(f: Folded, i: number): string {
  return new Date(f.window.startMs + i * BIN_MS).toISOString();
}
