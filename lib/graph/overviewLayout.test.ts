import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { buildOverview } from './overview';
import { layoutOverview, TILE_H, TILE_W } from './overviewLayout';
import { fleetSnapshot } from './testing/fleet';

const overview = buildOverview(buildGraph(fleetSnapshot({ services: 60, tgsPerService: 1, targetsPerTg: 1 })));

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutOverview', () => {
  it('places every account and tile, tiles inside their account and not overlapping', () => {
    const l = layoutOverview(overview, 1280, 560);
    expect(l.accounts).toHaveLength(overview.accounts.length);
    expect(l.tiles).toHaveLength(overview.accounts.reduce((n, a) => n + a.tiles.length, 0));
    overview.accounts.forEach((a, i) => {
      const box = l.accounts[i]!;
      for (const t of a.tiles) {
        const tile = l.tiles.find((x) => x.id === t.id)!;
        expect(tile.x).toBeGreaterThanOrEqual(box.x);
        expect(tile.x + tile.w).toBeLessThanOrEqual(box.x + box.w);
        expect(tile.y + tile.h).toBeLessThanOrEqual(box.y + box.h);
      }
    });
    for (let i = 0; i < l.accounts.length; i++)
      for (let j = i + 1; j < l.accounts.length; j++) expect(overlaps(l.accounts[i]!, l.accounts[j]!)).toBe(false);
  });

  it('uses a wide screen’s width: accounts side by side, readable at the fit zoom', () => {
    const l = layoutOverview(overview, 1280, 560);
    expect(l.width / l.height).toBeGreaterThan(1);
    expect(new Set(l.accounts.map((a) => a.x)).size).toBeGreaterThan(1);
    expect(l.fitZoom).toBeGreaterThanOrEqual(0.6);
    expect(l.fitZoom).toBeLessThanOrEqual(1);
  });

  it('stacks accounts on a tall, narrow screen instead', () => {
    const l = layoutOverview(overview, 400, 2000);
    expect(new Set(l.accounts.map((a) => a.x)).size).toBe(1);
    expect(l.width).toBeLessThanOrEqual(2 * TILE_W + 100);
  });

  it('keeps fifty accounts readable on one screen', () => {
    const many = { ...overview, accounts: Array.from({ length: 50 }, (_, i) => ({ ...overview.accounts[i % 5]! })) };
    many.accounts = many.accounts.map((a, i) => ({ ...a, group: { ...a.group, id: `account:${i}` } }));
    const l = layoutOverview(many, 1280, 720);
    expect(l.fitZoom * TILE_H).toBeGreaterThan(20);
    expect(l.width / l.height).toBeGreaterThan(0.8);
  });
});
