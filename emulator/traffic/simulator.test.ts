import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, offsetClock, type Clock } from '../core/clock';
import { Rng } from '../core/rng';
import { buildScenario } from '../scenarios';
import type { EmulatorState } from '../state';
import { logNormal, poisson } from './random';

const T0 = Date.UTC(2026, 0, 10);
const worlds: EmulatorState[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) w.stop();
});

async function demo(clock: Clock = new ManualClock(T0), params: Record<string, unknown> = {}): Promise<EmulatorState> {
  const w = await buildScenario('demo', 1, clock, { backfillMinutes: 0, lagMs: 0, ...params });
  worlds.push(w);
  return w;
}

const requests = (w: EmulatorState) => w.traffic!.stats.requests;

describe('TrafficSimulator', () => {
  it('is driven by the world sync hook and follows the rates', async () => {
    const clock = new ManualClock(T0);
    const w = await demo(clock);
    expect(requests(w)).toBe(0);
    clock.advance(60_000);
    expect(requests(w)).toBe(0);
    w.sync();
    expect(w.traffic!.generatedUntil).toBe(T0 + 60_000);
    // ≈22.5 requests/s in the demo profiles.
    expect(requests(w)).toBeGreaterThan(60 * 20);
    expect(requests(w)).toBeLessThan(60 * 25);
    w.traffic!.configure({ rateMultiplier: 0, rates: { catalog: 100 } });
    const before = requests(w);
    clock.advance(10_000);
    w.sync();
    expect(requests(w) - before).toBeGreaterThan(900);
    expect(requests(w) - before).toBeLessThan(1100);
    w.traffic!.configure({ rates: { catalog: null } });
    clock.advance(10_000);
    w.sync();
    expect(w.traffic!.settings.rates).toEqual({});
  });

  it('lets time pass without requests while paused', async () => {
    const clock = new ManualClock(T0);
    const w = await demo(clock);
    w.traffic!.configure({ paused: true });
    clock.advance(30_000);
    w.sync();
    expect(requests(w)).toBe(0);
    expect(w.traffic!.generatedUntil).toBe(T0 + 30_000);
    w.traffic!.configure({ paused: false });
    clock.advance(10_000);
    w.sync();
    expect(requests(w)).toBeGreaterThan(150);
  });

  it('fills at most maxCatchUpMs of a clock jump', async () => {
    const clock = new ManualClock(T0);
    const w = await demo(clock);
    w.traffic!.configure({ maxCatchUpMs: 60_000 });
    clock.advance(3_600_000);
    w.sync();
    expect(requests(w)).toBeLessThan(60 * 25);
    expect(requests(w)).toBeGreaterThan(60 * 20);
  });

  it('keeps living on a timer with a running clock, and stops with the world', async () => {
    const w = await demo(offsetClock(T0));
    const start = w.traffic!.generatedUntil;
    for (let i = 0; i < 200 && w.traffic!.generatedUntil === start; i++) await new Promise((r) => setTimeout(r, 50));
    expect(w.traffic!.generatedUntil).toBeGreaterThan(start);
    w.stop();
    const stopped = w.traffic!.generatedUntil;
    await new Promise((r) => setTimeout(r, 1_200));
    expect(w.traffic!.generatedUntil).toBe(stopped);
  });
});

describe('random draws', () => {
  it('gives Poisson counts with the asked mean and log-normal times with the asked median and a tail', () => {
    const rng = new Rng(5);
    for (const lambda of [0.5, 4, 250]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += poisson(rng, lambda);
      expect(Math.abs(sum / 20_000 - lambda)).toBeLessThan(lambda * 0.03 + 0.02);
    }
    const xs = Array.from({ length: 20_000 }, () => logNormal(rng, 30, 0.6)).sort((a, b) => a - b);
    expect(Math.abs((xs[10_000] as number) - 30)).toBeLessThan(1.5);
    expect(xs[19_800] as number).toBeGreaterThan(30 * Math.exp(0.6 * 2));
  });
});
