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

/** Index just past the last delivered minute of the series. */
export function deliveredIndex(f: Folded): number {
  return Math.max(0, Math.min(f.minutes.length, Math.round((f.deliveredUntil - f.window.startMs) / BIN_MS)));
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
