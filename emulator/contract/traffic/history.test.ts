/**
 * Contract tests: delivery lag (records stay invisible until timestamp + lag), the demo's backfilled
 * history with its past incidents, and save/load resuming the living logs without regenerating.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { advance, control, demoHarness, GROUPS, hashOf, insights, readGroup, T0 } from './helpers';

const MIN = 60_000;
/** Epoch ms of a Logs Insights time cell (`yyyy-MM-dd HH:mm:ss.SSS`, UTC). */
const time = (cell: string) => Date.parse(`${cell.replace(' ', 'T')}Z`);
const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
});

async function harness(opts: Parameters<typeof demoHarness>[0]): Promise<Harness> {
  const { h } = await demoHarness(opts);
  open.push(h);
  return h;
}

describe('delivery lag', () => {
  it('keeps a record invisible to FilterLogEvents and GetLogEvents until timestamp + lag', async () => {
    const h = await harness({ lagMs: 5_000 });
    await control(h, 'POST', '/traffic', { rateMultiplier: 5 });
    await advance(h, 10_000);
    const now = T0 + 10_000;
    const visible = await readGroup(h.logs(), GROUPS.mesh.name);
    expect(visible.length).toBeGreaterThan(300);
    expect(visible.every((e) => e.ingestionTime === e.timestamp + 5_000 && e.ingestionTime <= now)).toBe(true);
    expect(Math.max(...visible.map((e) => e.timestamp))).toBeGreaterThan(now - 6_000);

    const streams =
      (await h.logs().send(new DescribeLogStreamsCommand({ logGroupName: GROUPS.mesh.name }))).logStreams ?? [];
    const stream = streams[0]!.logStreamName!;
    const page = await h.logs().send(
      new GetLogEventsCommand({
        logGroupName: GROUPS.mesh.name,
        logStreamName: stream,
        startFromHead: true,
        limit: 10_000,
      }),
    );
    expect(page.events!.length).toBeGreaterThan(0);
    expect(page.events!.every((e) => e.timestamp! + 5_000 <= now)).toBe(true);

    await advance(h, 5_000);
    const later = await readGroup(h.logs(), GROUPS.mesh.name);
    const arrived = later.filter((e) => e.timestamp > now - 5_000 && e.timestamp <= now);
    expect(arrived.length).toBeGreaterThan(100);
    expect(later.filter((e) => e.timestamp <= now - 5_000).map((e) => e.message)).toEqual(
      visible.map((e) => e.message),
    );
  });
});

describe('demo history', () => {
  it('backfills 3 hours into the network log group, with the past 5xx incident and the auth-denial burst', async () => {
    const h = await harness({ backfillMinutes: 180 });
    const mesh = h.logs();
    const [summary] = await insights(
      mesh,
      [GROUPS.mesh.name],
      'stats count(*) as n, min(@timestamp) as first',
      T0 - 4 * 60 * MIN,
      T0,
    );
    expect(Number(summary!.n)).toBeGreaterThan(150_000);
    expect(Number(summary!.first) - (T0 - 180 * MIN)).toBeLessThan(1_000);
    const perBin = async (filter: string) => {
      const rows = await insights(
        mesh,
        [GROUPS.mesh.name],
        `filter ${filter} | stats count(*) as n by bin(10m) as t`,
        T0 - 180 * MIN,
        T0,
      );
      return new Map(rows.map((r) => [time(r.t!), Number(r.n)]));
    };
    const total = await perBin('hostHeader like /^checkout-/');
    const errors = await perBin('hostHeader like /^checkout-/ and responseCode >= 500');
    expect(total.size).toBe(18);
    for (const [start, n] of total) {
      const share = (errors.get(start) ?? 0) / n;
      if (start >= T0 - 100 * MIN && start < T0 - 70 * MIN) expect(share).toBeGreaterThan(0.25);
      else expect(share).toBeLessThan(0.03);
    }
    const denials = await insights(
      mesh,
      [GROUPS.mesh.name],
      'filter resolvedUser like /payouts-batch/ | stats count(*) as n, min(@timestamp) as first, ' +
        'max(@timestamp) as last by authDeniedReason',
      T0 - 180 * MIN,
      T0,
    );
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({ authDeniedReason: 'Service' });
    expect(Number(denials[0]!.n)).toBeGreaterThan(1_000);
    expect(Number(denials[0]!.first)).toBeGreaterThanOrEqual(T0 - 45 * MIN);
    expect(Number(denials[0]!.last)).toBeLessThan(T0 - 37 * MIN);
    const listed = await control<{
      incidents: Array<{ kind: string; phase: string; startedAt: number; endedAt: number }>;
    }>(h, 'GET', '/incidents');
    expect(listed.incidents.map((i) => [i.kind, i.phase, (T0 - i.startedAt) / MIN, (T0 - i.endedAt) / MIN])).toEqual([
      ['unhealthy-targets', 'ended', 150, 138],
      ['target-errors', 'ended', 100, 70],
      ['latency', 'ended', 95, 75],
      ['auth-denials', 'ended', 45, 37],
    ]);
  });
});

describe('save and load', () => {
  it('resumes living logs from the saved time, exactly as a world that never stopped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-traffic-'));
    try {
      const saved = await harness({ seed: 3, backfillMinutes: 5 });
      const reference = await harness({ seed: 3, backfillMinutes: 5 });
      for (const h of [saved, reference]) {
        await control(h, 'POST', '/traffic', { rateMultiplier: 3, lagMs: 2_000 });
        await advance(h, 5_000);
        await control(h, 'POST', '/incidents', { kind: 'latency', targetGroup: 'catalog-tg', ms: 250 });
        await advance(h, 3_000);
        // Still within its detection window at the save: the window must survive the reload.
        await control(h, 'POST', '/incidents', { kind: 'unhealthy-targets', targetGroup: 'catalog-tg', count: 1 });
        await advance(h, 2_000);
      }
      const before = await readGroup(saved.logs(), GROUPS.mesh.name);
      const file = join(dir, 'state.json');
      await control(saved, 'POST', '/save', { file });
      await control(saved, 'POST', '/reset', { scenario: 'empty' });
      expect((await control(saved, 'GET', '/traffic')).enabled).toBe(false);
      await control(saved, 'POST', '/load', { file });
      const traffic = await control<{ generatedUntil: number; settings: { lagMs: number; rateMultiplier: number } }>(
        saved,
        'GET',
        '/traffic',
      );
      expect(traffic).toMatchObject({ generatedUntil: T0 + 10_000, settings: { lagMs: 2_000, rateMultiplier: 3 } });
      expect(hashOf(await readGroup(saved.logs(), GROUPS.mesh.name))).toBe(hashOf(before));
      expect(
        (await control<{ incidents: Array<{ phase: string }> }>(saved, 'GET', '/incidents')).incidents.map(
          (i) => i.phase,
        ),
      ).toEqual(['active', 'active']);

      for (const h of [saved, reference]) await advance(h, 10_000);
      const resumed = await readGroup(saved.logs(), GROUPS.mesh.name);
      const continuous = await readGroup(reference.logs(), GROUPS.mesh.name);
      expect(resumed.length).toBeGreaterThan(before.length + 300);
      expect(hashOf(resumed)).toBe(hashOf(continuous));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
