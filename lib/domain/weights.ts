/**
 * Weight math of forward actions, for the weight editor and canary steps. Operators think in
 * percent; the API takes integer weights 0–999 whose shares are weight / sum. These helpers keep
 * weights as integers summing to 100 whenever they rebalance, so what the editor shows as a percent
 * is exactly what is sent. Pure.
 */

/** Integer percentages (summing to `total`) of `weights` by largest remainder; all 0 when the sum is 0. */
export function roundedPercents(weights: readonly number[], total = 100): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (sum === 0) return weights.map(() => 0);
  return largestRemainder(
    weights.map((w) => (Math.max(0, w) / sum) * total),
    total,
  );
}

/**
 * Rounds non-negative `values` to integers whose sum is `total` (when the values sum to `total`),
 * giving the leftover units to the largest fractional parts; ties go to the earlier index so the
 * result is stable.
 */
export function largestRemainder(values: readonly number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v + 1e-9));
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = values
    .map((v, i) => ({ i, frac: v - Math.floor(v + 1e-9) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/** Splits 100 evenly over the unlocked entries; locked ones keep their percent. `n` entries in, `n` out. */
export function evenSplit(weights: readonly number[], locked: ReadonlySet<number> = new Set()): number[] {
  const percents = roundedPercents(weights);
  const lockedSum = percents.reduce((s, p, i) => (locked.has(i) ? s + p : s), 0);
  const free = percents.map((_, i) => i).filter((i) => !locked.has(i));
  if (free.length === 0) return percents;
  const budget = Math.max(0, 100 - lockedSum);
  const shares = largestRemainder(
    free.map(() => budget / free.length),
    budget,
  );
  const out = [...percents];
  for (const [k, i] of free.entries()) out[i] = shares[k] ?? 0;
  return out;
}

/** All traffic to entry `index` (100), none to the others. */
export function allTo(count: number, index: number): number[] {
  return Array.from({ length: count }, (_, i) => (i === index ? 100 : 0));
}

/**
 * Sets entry `index` to `percent` (clamped so that locked entries keep theirs) and spreads the rest
 * of 100 over the other unlocked entries in proportion to their current percents (evenly when they
 * are all 0). With no other unlocked entry, only `index` changes and the sum may differ from 100.
 */
export function setPercent(
  weights: readonly number[],
  index: number,
  percent: number,
  locked: ReadonlySet<number> = new Set(),
): number[] {
  const rounded = roundedPercents(weights);
  const percents: number[] = rounded.some((p) => p > 0) ? rounded : evenSplit(weights.map(() => 1));
  const others = percents.map((_, i) => i).filter((i) => i !== index && !locked.has(i));
  const lockedSum = percents.reduce((s, p, i) => (i !== index && locked.has(i) ? s + p : s), 0);
  const wanted = Math.round(Math.min(100, Math.max(0, percent)));
  const out = [...percents];
  if (others.length === 0) {
    out[index] = wanted;
    return out;
  }
  const value = Math.min(wanted, 100 - lockedSum);
  out[index] = value;
  const rest = 100 - lockedSum - value;
  const base = others.map((i) => percents[i] ?? 0);
  const baseSum = base.reduce((s, v) => s + v, 0);
  const spread = largestRemainder(
    base.map((v) => (baseSum === 0 ? rest / others.length : (v / baseSum) * rest)),
    rest,
  );
  for (const [k, i] of others.entries()) out[i] = spread[k] ?? 0;
  return out;
}

/** The stable and canary weights of a canary step at `canaryPercent` (0–100). */
export function canaryWeights(canaryPercent: number): { stable: number; canary: number } {
  const canary = Math.round(Math.min(100, Math.max(0, canaryPercent)));
  return { stable: 100 - canary, canary };
}
