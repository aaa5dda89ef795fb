import { describe, expect, it } from 'vitest';
import {
  binomialLlr,
  binomialUpperTail,
  cusumOnset,
  incompleteBeta,
  lnGamma,
  poissonLowerTail,
  poissonUpperTail,
  rateRatioP,
  wilsonLower,
} from './stats';

describe('stats', () => {
  it('lnGamma matches factorials', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 10);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(lnGamma(20)).toBeCloseTo(Math.log(121645100408832000), 8);
  });

  it('incompleteBeta matches closed forms', () => {
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    // I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b
    expect(incompleteBeta(0.4, 3, 1)).toBeCloseTo(0.064, 12);
    expect(incompleteBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
    expect(incompleteBeta(0, 2, 3)).toBe(0);
    expect(incompleteBeta(1, 2, 3)).toBe(1);
  });

  it('binomialUpperTail equals the summed pmf', () => {
    const n = 30;
    const p = 0.17;
    let direct = 0;
    let c = 1; // C(n, k)
    for (let k = 0; k <= n; k++) {
      if (k > 0) c = (c * (n - k + 1)) / k;
      if (k >= 9) direct += c * p ** k * (1 - p) ** (n - k);
    }
    expect(binomialUpperTail(9, n, p)).toBeCloseTo(direct, 10);
    expect(binomialUpperTail(0, n, p)).toBe(1);
    expect(binomialUpperTail(31, n, p)).toBe(0);
  });

  it('rateRatioP: a brand-new key needs no special case, and equal rates are not significant', () => {
    expect(rateRatioP(0, 100, 5, 1000, 1.5)).toBe(1);
    expect(rateRatioP(10, 100, 100, 1000, 1.5)).toBeGreaterThan(0.5);
    expect(rateRatioP(40, 100, 10, 1000, 1.5)).toBeLessThan(1e-20);
    expect(rateRatioP(7, 5, 0, 60, 2)).toBeCloseTo((10 / 70) ** 7, 12);
    expect(rateRatioP(3, 10, 0, 0, 1.5)).toBe(0);
  });

  it('wilsonLower: 2 of 3 stays low, 300 of 1000 is tight', () => {
    expect(wilsonLower(2, 3)).toBeLessThan(0.21);
    expect(wilsonLower(300, 1000)).toBeGreaterThan(0.27);
    expect(wilsonLower(0, 0)).toBe(0);
    expect(wilsonLower(0, 50)).toBe(0);
  });

  it('Poisson tails', () => {
    expect(poissonLowerTail(0, 3)).toBeCloseTo(Math.exp(-3), 12);
    expect(poissonLowerTail(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3 + 4.5), 12);
    expect(poissonUpperTail(3, 3)).toBeCloseTo(1 - Math.exp(-3) * 8.5, 12);
    expect(poissonLowerTail(-1, 3)).toBe(0);
    expect(poissonLowerTail(1, 0)).toBe(1);
  });

  it('CUSUM finds the onset of a step and forgets an alarm that fell back to zero', () => {
    const n = [...Array(16)].map(() => 100);
    const x = [0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 20, 25, 22, 30, 24, 27];
    expect(cusumOnset(binomialLlr(x, n, 0.005, 0.2), 5)).toBe(10);
    const blip = [0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(cusumOnset(binomialLlr(blip, n, 0.005, 0.2), 5)).toBeUndefined();
    expect(cusumOnset(binomialLlr([0, 0, 0], [100, 100, 100], 0.005, 0.2), 5)).toBeUndefined();
  });
});
