/**
 * Integration: the inventory cache (TTL, stale-while-revalidate, refresh, one crawl per account at a
 * time) with an injectable clock, against the emulator's demo world. A service created between
 * crawls shows whether a read was served from the cache or from a new crawl.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { createService as createRawService } from '../../testing/rawAws';
import type { CrawlResult } from './crawl';
import { Inventory } from './inventory';

let app: AppHarness;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
});
afterAll(async () => {
  await app.close();
});

/** An inventory on a manual clock that records its crawls and lets a test wait for the next one. */
function setup(ttlMs = 1000, maxStaleMs = 10_000) {
  let now = 1_000_000;
  const crawls: CrawlResult[] = [];
  const fulls: Array<readonly string[]> = [];
  let waiters: Array<() => void> = [];
  const inv = new Inventory(app.factory(), {
    ttlMs,
    maxStaleMs,
    now: () => now,
    onCrawl: (r, full) => {
      crawls.push(r);
      fulls.push(full);
      for (const w of waiters) w();
      waiters = [];
    },
  });
  return {
    inv,
    crawls,
    fulls,
    advance: (ms: number) => {
      now += ms;
    },
    nextCrawl: () => new Promise<void>((resolve) => waiters.push(resolve)),
  };
}

let created = 0;
async function createService(): Promise<string> {
  created += 1;
  return createRawService(app.h, `cache-probe-${created}`);
}

describe('Inventory cache', () => {
  it('serves within the TTL from the cache, after it stale at once while refreshing in the background', async () => {
    const t = setup();
    const first = await t.inv.snapshot({ user: 'alice' });
    expect(t.crawls).toHaveLength(1);
    expect(first.accounts.every((a) => a.fetchedAt === 1_000_000)).toBe(true);
    const probe = await createService();

    t.advance(500);
    const cached = await t.inv.snapshot({ user: 'bob' });
    expect(t.crawls).toHaveLength(1);
    expect(cached).toEqual(first);

    t.advance(600); // 1.1 s old: stale
    const refreshed = t.nextCrawl();
    const stale = await t.inv.snapshot({ user: 'bob' });
    expect(stale).toEqual(first);
    expect(stale.services.some((s) => s.arn === probe)).toBe(false);
    expect(t.inv.isRefreshing('111111111111')).toBe(true);
    // A second stale read while the refresh runs does not start another crawl.
    await t.inv.snapshot({ user: 'carol' });
    await refreshed;
    expect(t.crawls).toHaveLength(2);
    expect(t.inv.isRefreshing('111111111111')).toBe(false);

    const fresh = await t.inv.snapshot({});
    expect(fresh.services.some((s) => s.arn === probe)).toBe(true);
    expect(fresh.fetchedAt).toBe(1_001_100);
    expect(fresh.accounts.map((a) => a.fetchedAt)).toEqual([1_001_100, 1_001_100, 1_001_100]);
  });

  it('"Refresh all" waits for a crawl that was already running, then crawls in full', async () => {
    const t = setup();
    const first = await t.inv.snapshot({});
    t.advance(2_000); // past the TTL: answered from the cache, refreshed in the background (incremental)
    await t.inv.snapshot({});
    const all = await t.inv.snapshot({ refresh: true });
    expect(t.crawls).toHaveLength(3);
    expect(t.fulls[1]).toEqual([]);
    expect([...(t.fulls[2] ?? [])].sort()).toEqual(first.accounts.map((a) => a.accountId).sort());
    expect(all.accounts.map((a) => a.fetchedAt)).toEqual(first.accounts.map(() => 1_002_000));
  });

  it('re-crawls on refresh, once for concurrent refreshes, and waits when data is too old', async () => {
    const t = setup();
    await t.inv.snapshot({});
    const probe = await createService();
    const [a, b] = await Promise.all([t.inv.snapshot({ refresh: true }), t.inv.snapshot({ refresh: true })]);
    expect(t.crawls).toHaveLength(2);
    expect(a.services.some((s) => s.arn === probe)).toBe(true);
    expect(b).toEqual(a);

    const later = await createService();
    t.advance(20_000); // past maxStale: no stale answer, the read waits for the crawl
    const waited = await t.inv.snapshot({});
    expect(t.crawls).toHaveLength(3);
    expect(waited.services.some((s) => s.arn === later)).toBe(true);
    expect(waited.fetchedAt).toBe(1_020_000);
  });

  it('stops waiting when the caller goes away, while the crawl still fills the cache', async () => {
    const t = setup();
    const ctl = new AbortController();
    const done = t.nextCrawl();
    const read = t.inv.snapshot({ signal: ctl.signal });
    ctl.abort(new TrellisError('TIMEOUT', 'the browser went away'));
    await expect(read).rejects.toThrow('the browser went away');
    await done;
    expect(t.crawls).toHaveLength(1);
    const snap = await t.inv.snapshot({});
    expect(t.crawls).toHaveLength(1);
    expect(snap.accounts.every((a) => a.reachable)).toBe(true);
  });

  it('records whose session read each crawl (the user who started it)', async () => {
    const t = setup();
    await t.inv.snapshot({ user: 'alice@example.com' });
    expect(t.crawls[0]?.segments.map((s) => s.crawledAs)).toEqual([
      'alice@example.com',
      'alice@example.com',
      'alice@example.com',
    ]);
    t.advance(1500);
    const refreshed = t.nextCrawl();
    await t.inv.snapshot({ user: 'bob@example.com' });
    await refreshed;
    expect(t.crawls[1]?.segments.map((s) => s.crawledAs)).toEqual([
      'bob@example.com',
      'bob@example.com',
      'bob@example.com',
    ]);
  });
});
