import { describe, expect, it } from 'vitest';
import { RefreshPolicy } from './refreshPolicy';

const A = '222222222222';
const B = '333333333333';
/** A 17-character id as AWS makes them. */
const id = (prefix: string, i: number) => `${prefix}-${String(i).padStart(17, '0')}`;
const svc = (acct: string, i: number) => `arn:aws:vpc-lattice:us-east-1:${acct}:service/${id('svc', i)}`;
const listener = (acct: string, i: number) => `${svc(acct, i)}/listener/${id('listener', i)}`;
const tg = (i: number) => `arn:aws:vpc-lattice:us-east-1:${A}:targetgroup/${id('tg', i)}`;

describe('RefreshPolicy', () => {
  it('sweeps every service exactly once within `sweepRefreshes` refreshes', () => {
    const p = new RefreshPolicy({ fullEveryMs: 1e9, sweepRefreshes: 3, healthRefreshes: 1 });
    p.fullStarted(A, 0);
    const services = Array.from({ length: 200 }, (_, i) => svc(A, i));
    const seen = new Map<string, number>();
    for (let round = 0; round < 3; round++) {
      const h = p.hintsFor(A, 1);
      const swept = services.filter((s) => h.sweep(s));
      // Spread: no refresh sweeps everything or nothing.
      expect(swept.length).toBeGreaterThan(30);
      expect(swept.length).toBeLessThan(110);
      for (const s of swept) seen.set(s, (seen.get(s) ?? 0) + 1);
    }
    expect(seen.size).toBe(200);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('reads watched target groups every refresh until the watch expires, the others in rotation', () => {
    const p = new RefreshPolicy({ fullEveryMs: 1e9, sweepRefreshes: 1, healthRefreshes: 1000 });
    p.watch([tg(1)], 0, 60_000);
    const groups = Array.from({ length: 50 }, (_, i) => tg(i));
    const h = p.hintsFor(A, 30_000);
    expect(h.health(tg(1))).toBe(true);
    expect(groups.filter((g) => h.health(g)).length).toBeLessThan(5);
    const later = p.hintsFor(A, 120_000);
    const watchedStill = later.health(tg(1));
    // Expired: tg-1 is read only when its rotation slot comes up (1 in 1000).
    expect(watchedStill).toBe(false);
  });

  it('asks for a full crawl first and again after `fullEveryMs`', () => {
    const p = new RefreshPolicy({ fullEveryMs: 1000, sweepRefreshes: 2, healthRefreshes: 2 });
    expect(p.needsFull(A, 0)).toBe(true);
    p.fullStarted(A, 0);
    expect(p.needsFull(A, 999)).toBe(false);
    expect(p.needsFull(A, 1000)).toBe(true);
  });

  it('hands written listeners to the patch (once, by owner segment) and to the next refresh of their account', () => {
    const p = new RefreshPolicy();
    p.markListener(listener(A, 1), 10);
    p.markListener(listener(A, 2), 10);
    p.markListener(listener(B, 3), 10);
    expect(p.takePatches()).toEqual(
      new Map([
        [`${A}|us-east-1`, [listener(A, 1), listener(A, 2)]],
        [`${B}|us-east-1`, [listener(B, 3)]],
      ]),
    );
    expect(p.takePatches().size).toBe(0);
    expect([...p.hintsFor(A, 20).dirtyListeners]).toEqual([listener(A, 1), listener(A, 2)]);
    expect(p.hintsFor(A, 30).dirtyListeners.size).toBe(0);
    expect([...p.hintsFor(B, 30).dirtyListeners]).toEqual([listener(B, 3)]);
    // A crawl of A that started at 5 (before the writes) may have overwritten them: patch again; one from 11 not.
    p.repatchSince(5, new Set([A]));
    expect([...p.takePatches().values()].flat()).toEqual([listener(A, 1), listener(A, 2)]);
    p.repatchSince(11, new Set([A, B]));
    expect(p.takePatches().size).toBe(0);
  });

  it('ignores ARNs it cannot place', () => {
    const p = new RefreshPolicy();
    p.markListener('not-an-arn', 0);
    expect(p.takePatches().size).toBe(0);
  });
});
