/**
 * Every threshold of the findings engine, each with the reason it has this value (see README.md and
 * ../shared/triage-methods.md). Tests in detect/*.test.ts pin the behaviour each one buys. Pure.
 */

import { RECENT_SECONDS } from './window';

const MIN = 60_000;

/** Length of one bin of the recent series: Logs Insights `bin(1m)`, the finest the page needs. */
export const BIN_MS = MIN;
/**
 * Recent window: the last 5 complete minutes by default, short enough to see an incident within 90 s of its
 * start (TRELLIS_TRIAGE_RECENT_SECONDS, window.ts, rounded up to whole minutes).
 */
export const RECENT_MINUTES = Math.ceil(RECENT_SECONDS / 60);
/** Minutes of the sparkline and of the recent query (CUSUM needs some minutes before the onset). */
export const SERIES_MINUTES = 15;
/** Baseline: 60 minutes, so even 1 request/s gives 3,600 requests to compare against. */
export const BASELINE_MINUTES = 60;
/** Gap between baseline and recent window: keeps a slow start of the problem out of the baseline. */
export const BASELINE_GAP_MINUTES = 10;
/** The baseline is recomputed (one more query) when its end moves by this much; cached meanwhile. */
export const BASELINE_STEP_MS = 5 * MIN;
/**
 * A trailing bin counts as delivered once its records reach half the median minute (scaled to the part of
 * the minute a partial bin covers); bins older than the explorer's ingestion delay (2 min on AWS) count
 * anyway. Half, not 80 %: rates tolerate a half-delivered bin, and 20 s into a minute a 5 s lag already
 * leaves only 75 %; counts that a half bin could fake (traffic drops) use whole minutes and a 10 % floor.
 */
export const DELIVERED_SHARE = 0.5;

/** Family-wise false-alarm budget per evaluation, split over the keys tested (Bonferroni: α / m). */
export const ALPHA = 0.001;

/** 5xx: rate ratio under the null ("no more than 1.5× the baseline"): small drifts stay silent. */
export const ERROR_R0 = 1.5;
/** 5xx: at least this many recent errors; 2 errors of 3 requests is never a finding. */
export const ERROR_MIN_COUNT = 5;
/** 5xx: Wilson 95 % lower bound of the recent rate must exceed the baseline by 1 pp (≈ 14× burn of 99.9 %). */
export const ERROR_MIN_EXCESS = 0.01;
/**
 * 5xx: a Wilson lower bound this high (and ≥ 2× the baseline rate) is a finding without the baseline test:
 * 5 % failing breaks any SLO, and a canary whose traffic just grew has too little baseline for the test.
 */
export const ERROR_ABSOLUTE_RATE = 0.05;
/** 5xx: at this recent rate the group is critical (half its requests fail). */
export const ERROR_CRITICAL_RATE = 0.5;

/** 5xx fast lane: the last 2 minutes alone … */
export const FAST_MINUTES = Math.min(2, RECENT_MINUTES);
/** … at least 5× the baseline rate (a sharp rise, not a drift) … */
export const FAST_R0 = 5;
/** … with at least 10 errors (twice the slow lane's minimum: two minutes are noisier than five). */
export const FAST_MIN_COUNT = 10;

/** Denials: exposure is minutes; a pair must be above 2× its baseline per-minute rate. */
export const DENIAL_R0 = 2;
/** Denials: at least this many recent denials for a (principal, service, reason). */
export const DENIAL_MIN_COUNT = 5;

/**
 * Latency is judged on p95 of successful requests: at demo volumes (30–240 requests a minute) a minute's
 * p99 is its slowest request or two; p95 (with p50/p75/p90 to count slow requests) moves with any slowdown.
 */
/** Latency: a baseline p95 needs this many baseline requests to be trusted. */
export const LATENCY_MIN_BASELINE = 300;
/** Latency: at least this many successful requests in the lane tested. */
export const LATENCY_MIN_RECENT = 30;
/** Latency: a minute is judged only with this many requests (its quantiles are order statistics of them). */
export const LATENCY_MIN_PER_MINUTE = 10;
/** Latency: the share slower than the baseline p95 is tested against 2 × the 5 % expected. */
export const LATENCY_R0 = 2;
/** Latency: the fast lane tests the last 2 minutes alone (a fresh slowdown is not diluted by five). */
export const LATENCY_FAST_MINUTES = Math.min(2, RECENT_MINUTES);
/** Latency: the latest p95 must be at least 1.5× the baseline p95 … */
export const LATENCY_RATIO = 1.5;
/** … and at least 50 ms above it (1.5× of 4 ms is noise nobody would act on). */
export const LATENCY_MIN_DELTA_MS = 50;

/** Traffic drop: the service had at least this many requests per minute in the baseline. */
export const DROP_MIN_RATE = 2;
/** Traffic drop: observed at most 10 % of expected. */
export const DROP_MAX_SHARE = 0.1;
/** Traffic drop: Poisson P(X ≤ observed) must be below this (a real outage is far below). */
export const DROP_P = 1e-6;
/** Traffic drop: expected requests over the looked-at minutes (m = ⌈20/λ⌉, at least 2, at most 15). */
export const DROP_EXPECTED = 20;

/** Health: a group unhealthy this long (as seen by this process) is standing, shown as info below news. */
export const UNHEALTHY_STANDING_MS = 10 * MIN;

/** Onset: the in-control 5xx rate is at least 1 % for CUSUM (a stray error must not look like the start). */
export const CUSUM_MIN_P0 = 0.01;
/** Onset: CUSUM decision interval h (in log-likelihood units). */
export const CUSUM_H = 5;

/** Change correlation: changes up to 10 min before the onset … */
export const CHANGE_BEFORE_MS = 10 * MIN;
/** … and up to 2 min after it (clock skew, late logs). */
export const CHANGE_AFTER_MS = 2 * MIN;
/** Change correlation: score decays as exp(−|Δt| / 3 min). */
export const CHANGE_DECAY_MS = 3 * MIN;
/** `change` findings cover the audit log of the last hour. */
export const CHANGE_LOOKBACK_MS = 60 * MIN;

/** Persistence: a finding shows after two consecutive firing evaluations … */
export const PERSIST_EVALUATIONS = 2;
/** … unless extreme: 5xx ≥ 20 % or a ratio ≥ 10 shows at once. */
export const EXTREME_RATE = 0.2;
/** See EXTREME_RATE. */
export const EXTREME_RATIO = 10;
/** Persistence: a shown finding clears after this long without firing (the recent window's length: 5 min). */
export const CLEAR_AFTER_MS = RECENT_SECONDS * 1000;
/** Persistence: a pending (seen once) finding is forgotten when not seen again within this long. */
export const PENDING_TTL_MS = 3 * MIN;

/** Score cap of −log10(p): beyond 10 nothing is more certain in a way that matters for ranking. */
export const MAX_LOG_P = 10;
