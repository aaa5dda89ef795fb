/**
 * Synthetic inputs for the engine's unit tests: folded series built from per-minute arrays, and seeded noise.
 * Test-only.
 */
import type { Folded } from './fold';
import { BASELINE_MINUTES, BIN_MS, SERIES_MINUTES } from './constants';

/** Start of the synthetic series (a whole minute). */
export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
/** Minutes in a synthetic series. */
export const N = SERIES_MINUTES + 1;

/** A seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth for small λ, normal approximation above 50). */
export function poisson(r: () => number, lambda: number): number {
  if (lambda > 50) {
    const u = Math.max(1e-12, r());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= r();
  } while (p > l);
  return k - 1;
}

/** A binomial draw. */
export function binomial(r: () => number, n: number, p: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) if (r() < p) x++;
  return x;
}

/** An empty folded input over N minutes from T0, delivered to the end. */
export function emptyFolded(): Folded {
  const window = { startMs: T0, endMs: T0 + N * BIN_MS };
  return {
    window,
    minutes: Array.from({ length: N }, (_, i) => T0 + i * BIN_MS),
    tg: {},
    svc: {},
    denials: {},
    baseline: { minutes: BASELINE_MINUTES, tg: {}, svc: {}, denials: {} },
    deliveredUntil: window.endMs,
  };
}

/** Adds a target group's series (and its service's requests). */
export function addTg(
  f: Folded,
  tgArn: string,
  serviceArn: string,
  s: { requests: number[]; errors?: number[]; failure?: string; p95?: Array<number | undefined> },
): void {
  const errors = s.errors ?? s.requests.map(() => 0);
  f.tg[tgArn] = {
    targetGroupArn: tgArn,
    serviceArns: [serviceArn],
    requests: s.requests,
    errors5xx: errors,
    p95: s.p95 ?? s.requests.map(() => undefined),
    okRequests: s.requests.map((n, i) => n - (errors[i] ?? 0)),
    failures: { [s.failure ?? '503']: errors },
  };
  const svc = f.svc[serviceArn] ?? { serviceArn, requests: s.requests.map(() => 0) };
  svc.requests = svc.requests.map((x, i) => x + (s.requests[i] ?? 0));
  f.svc[serviceArn] = svc;
}

/** `n` copies of `v`. */
export function flat(v: number, n = N): number[] {
  return new Array<number>(n).fill(v);
}

/** `before` for the first minutes, `after` for the last `last` minutes. */
export function step(before: number, after: number, last: number, n = N): number[] {
  return Array.from({ length: n }, (_, i) => (i >= n - last ? after : before));
}
