/**
 * Random draws of the traffic simulator, all from seeded generators: the generator of a second
 * depends only on the world's seed and the second's index, and each request gets its own generator
 * keyed from it, so the output never depends on how often the simulator runs.
 */
import { hashString, Rng } from '../core/rng';

/** The generator of one second of traffic. */
export function secondRng(seed: number, second: number): Rng {
  return new Rng(hashString(`trellis-traffic:${seed}:${second}`));
}

/** A 32-bit key for a request's own generator (drawn from the second's generator). */
export function requestKey(rng: Rng): number {
  return Math.floor(rng.next() * 4294967296) >>> 0;
}

/** A standard normal variate (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A log-normal variate with the given median and σ of its logarithm. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

/** A Poisson count with mean `lambda` (Knuth below 30, a rounded normal above). */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Index of an item chosen with probability weight / sum (weights ≥ 0); -1 when all are 0. */
export function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let sum = 0;
  for (const w of weights) sum += Math.max(0, w);
  if (sum <= 0) return -1;
  let x = rng.next() * sum;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    if (w <= 0) continue;
    last = i;
    x -= w;
    if (x < 0) return i;
  }
  return last;
}
