/**
 * The statistics of the findings engine: the regularized incomplete beta (binomial tails), the
 * Wilson lower bound, Poisson tails and a CUSUM onset. Numerical Recipes' continued fraction for
 * I_x(a, b); Lanczos for ln Γ. Pure.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i]! / (z + i + 1);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), a, b > 0, 0 ≤ x ≤ 1. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  return incompleteBeta(p, k, n - k + 1);
}

/**
 * The conditional rate-ratio test of triage-methods §4: recent count c1 with exposure e1, baseline c0
 * with exposure e0; the p-value of "the recent rate is at most r0 × the baseline rate".
 */
export function rateRatioP(c1: number, e1: number, c0: number, e0: number, r0: number): number {
  if (c1 <= 0) return 1;
  if (e0 <= 0) return 0; // nothing to compare with: any count is new (the count gates still apply)
  const pi0 = (r0 * e1) / (r0 * e1 + e0);
  return binomialUpperTail(c1, c0 + c1, pi0);
}

/** Lower bound of the Wilson score interval of x successes in n trials (z = 1.96: 95 %). */
export function wilsonLower(x: number, n: number, z = 1.96): number {
  if (n <= 0) return 0;
  const p = x / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

/** P(X ≤ k) for X ~ Poisson(λ), summed in log space (k is small where it is used). */
export function poissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda <= 0) return 1;
  let sum = 0;
  let lnTerm = -lambda; // ln P(X = 0)
  for (let i = 0; i <= k; i++) {
    if (i > 0) lnTerm += Math.log(lambda) - Math.log(i);
    sum += Math.exp(lnTerm);
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonUpperTail(k: number, lambda: number): number {
  return k <= 0 ? 1 : Math.max(0, 1 - poissonLowerTail(k - 1, lambda));
}

/**
 * CUSUM onset (triage-methods "Onset"): `llr` holds each bin's log-likelihood ratio of "shifted" against
 * "in control"; S = max(0, S + llr). Returns the index of the first bin after S was last 0 before it
 * crossed `h` (and has not fallen back to 0 since), or undefined when no alarm is standing.
 */
export function cusumOnset(llr: readonly number[], h: number): number | undefined {
  let s = 0;
  let lastZero = -1;
  let onset: number | undefined;
  for (let i = 0; i < llr.length; i++) {
    s = Math.max(0, s + llr[i]!);
    if (s === 0) {
      lastZero = i;
      onset = undefined;
    } else if (s >= h && onset === undefined) onset = lastZero + 1;
  }
  return onset;
}

/** Per-bin LLR of Poisson counts: mean λ1 against λ0 (both per bin, > 0). */
export function poissonLlr(c: readonly number[], lambda0: number, lambda1: number): number[] {
  const k = Math.log(lambda1 / lambda0);
  return c.map((x) => x * k - (lambda1 - lambda0));
}

/** Per-bin LLR of x failures in n trials: failure probability p1 against p0 (0 < p0 < p1 < 1). */
export function binomialLlr(x: readonly number[], n: readonly number[], p0: number, p1: number): number[] {
  const a = Math.log(p1 / p0);
  const b = Math.log((1 - p1) / (1 - p0));
  return x.map((xi, i) => xi * a + ((n[i] ?? 0) - xi) * b);
}
