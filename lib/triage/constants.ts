/**
 * Every threshold of the findings engine, each with the reason it has this value (see README.md and
 * ../shared/triage-methods.md). Tests in detect/*.test.ts pin the behaviour each one buys. Pure.
 */

const MIN = 60_000;

/** Length of one bin of the recent series: Logs Insights `bin(1m)`, the finest the page needs. */
export const BIN_MS = MIN;
/** Recent window: the last 5 complete minutes; short enough to see an incident within 90 s of its start. */
export const RECENT_MINUTES = 5;
/** Minutes of the sparkline and of the recent query (CUSUM needs some minutes before the onset). */
export const SERIES_MINUTES = 15;
/** Baseline: 60 minutes, so even 1 request/s gives 3,600 requests to compare against. */
export const BASELINE_MINUTES = 60;
/** Gap between baseline and recent window: keeps a slow start of the problem out of the baseline. */
export const BASELINE_GAP_MINUTES = 10;
/** The baseline is recomputed (one more query) when its end moves by this much; cached meanwhile. */
export const BASELINE_STEP_MS = 5 * MIN;
/**
 * A trailing minute counts as delivered once its records reach this share of the median minute
 * before it; minutes older than the explorer's ingestion delay (2 min on AWS) are delivered anyway.
 */
export const DELIVERED_SHARE = 0.8;

/** Family-wise false-alarm budget per evaluation, split over the keys tested (Bonferroni: α / m). */
export const ALPHA = 0.001;

/** 5xx: rate ratio under the null ("no more than 1.5× the baseline"): small drifts stay silent. */
export const ERROR_R0 = 1.5;
/** 5xx: at least this many recent errors; 2 errors of 3 requests is never a finding. */
export const ERROR_MIN_COUNT = 5;
/** 5xx: Wilson 95 % lower bound of the recent rate must exceed the baseline by 1 pp (≈ 14× burn of 99.9 %). */
export const ERROR_MIN_EXCESS = 0.01;
/** 5xx: at this recent rate the group is critical (half its requests fail). */
export const ERROR_CRITICAL_RATE = 0.5;

/** Denials: exposure is minutes; a pair must be above 2× its baseline per-minute rate. */
export const DENIAL_R0 = 2;
/** Denials: at least this many recent denials for a (principal, service, reason). */
export const DENIAL_MIN_COUNT = 5;

/**
 * Latency is judged on p95 per minute: at demo volumes (30–240 requests a minute) a minute's p99 is
 * its slowest request or two, far too noisy to compare; p95 moves the same way when a target slows.
 */
/** Latency: a baseline p95 needs this many baseline requests to be trusted. */
export const LATENCY_MIN_BASELINE = 300;
/** Latency: at least this many recent requests in minutes that count. */
export const LATENCY_MIN_RECENT = 30;
/** Latency: a minute's p95 counts only with this many requests (p95 of 5 requests is their max). */
export const LATENCY_MIN_PER_MINUTE = 20;
/** Latency: recent p95 must be at least 1.5× the baseline p95 … */
export const LATENCY_RATIO = 1.5;
/** … and at least 50 ms above it (1.5× of 4 ms is noise nobody would act on). */
export const LATENCY_MIN_DELTA_MS = 50;
/**
 * Latency: this share of the recent minutes (with enough requests) must be slow. 0.8 (4 of 5), not 0.6:
 * a heavy-tailed group (σ 0.9) has a minute p95 above 1.5× its hourly p95 about one minute in ten.
 */
export const LATENCY_SLOW_SHARE = 0.8;

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
/** Persistence: a shown finding clears after this long without firing. */
export const CLEAR_AFTER_MS = 5 * MIN;
/** Persistence: a pending (seen once) finding is forgotten when not seen again within this long. */
export const PENDING_TTL_MS = 3 * MIN;

/** Score cap of −log10(p): beyond 10 nothing is more certain in a way that matters for ranking. */
export const MAX_LOG_P = 10;
