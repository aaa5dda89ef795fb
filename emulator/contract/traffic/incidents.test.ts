/** Contract tests: incidents through the control API, as they show in the access logs and the Lattice API. */
import { CreateTargetGroupCommand, ListTargetGroupsCommand, ListTargetsCommand } from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { advance, control, demoHarness, GROUPS, readGroup, T0, type LogRecord } from './helpers';

let h: Harness;
let tgArn: Map<string, string>;
const checkoutLogs = () => readGroup(h.logs(h.creds(2)), GROUPS.checkout.name);
const inWindow = (from: number, to: number) => (e: LogRecord) => e.timestamp >= from && e.timestamp < to;

beforeAll(async () => {
  ({ h } = await demoHarness());
  await control(h, 'POST', '/traffic', { rateMultiplier: 0, rates: { checkout: 40, catalog: 40 } });
  tgArn = new Map();
  for (const i of [0, 1, 2])
    for (const tg of (await h.lattice(h.creds(i)).send(new ListTargetGroupsCommand({}))).items ?? [])
      tgArn.set(tg.name!, tg.arn!);
});
afterAll(() => h.close());

const now = async () => (await control<{ now: number }>(h, 'GET', '/clock')).now;

describe('POST /_emulator/incidents', () => {
  it('target-errors: every record of the group answers the status, until the incident is deleted', async () => {
    const inc = await control<{ id: string; startedAt: number; kind: string }>(h, 'POST', '/incidents', {
      kind: 'target-errors',
      targetGroup: 'checkout-tg',
      errorRate: 1,
    });
    expect(inc).toMatchObject({
      id: expect.stringMatching(/^inc-\d{4}$/),
      kind: 'target-errors',
      startedAt: await now(),
    });
    await advance(h, 10_000);
    const ended = await control<{ endedAt: number; phase: string }>(h, 'DELETE', `/incidents/${inc.id}`);
    expect(ended).toMatchObject({ phase: 'ended', endedAt: inc.startedAt + 10_000 });
    await advance(h, 10_000);
    const records = (await checkoutLogs()).filter((e) => e.record.targetGroupArn === tgArn.get('checkout-tg'));
    const during = records.filter(inWindow(inc.startedAt, inc.startedAt + 10_000));
    const after = records.filter(inWindow(inc.startedAt + 10_000, inc.startedAt + 20_000));
    expect(during.length).toBeGreaterThan(300);
    expect(during.every((e) => e.record.responseCode === 503 && e.record.failureReason === 'TargetUnavailable')).toBe(
      true,
    );
    expect(after.length).toBeGreaterThan(300);
    expect(after.filter((e) => e.record.responseCode === 503).length).toBeLessThan(after.length * 0.05);
    const listed = await control<{ incidents: Array<{ id: string; phase: string }> }>(h, 'GET', '/incidents');
    expect(listed.incidents.find((i) => i.id === inc.id)?.phase).toBe('ended');
  });

  it('auth-denials: the principal gets 403 with its ARN and reason + injected calls; others untouched', async () => {
    const role = 'arn:aws:iam::333333333333:role/storefront-web';
    const inc = await control<{ id: string; startedAt: number }>(h, 'POST', '/incidents', {
      kind: 'auth-denials',
      service: 'checkout',
      principal: role,
      reason: 'Service',
      rps: 5,
    });
    await advance(h, 10_000);
    await control(h, 'DELETE', `/incidents/${inc.id}`);
    await advance(h, 5_000);
    const records = await checkoutLogs();
    const mine = (e: LogRecord) =>
      String(e.record.resolvedUser).startsWith('arn:aws:sts::333333333333:assumed-role/storefront-web/');
    const during = records.filter(inWindow(inc.startedAt, inc.startedAt + 10_000)).filter(mine);
    expect(during.length).toBeGreaterThan(300);
    for (const e of during) {
      expect(e.record).toMatchObject({
        responseCode: 403,
        authDeniedReason: 'Service',
        failureReason: 'ClientAccessDenied',
        targetGroupArn: '-',
        targetIpPort: '-',
        callerPrincipal: e.record.resolvedUser,
      });
    }
    const after = records.filter(inWindow(inc.startedAt + 10_000, inc.startedAt + 15_000));
    expect(after.filter(mine).length).toBeGreaterThan(100);
    expect(after.some((e) => e.record.responseCode === 403)).toBe(false);
  });

  it('unhealthy-targets: UNHEALTHY in the API, fails in the detection window, fails open, ends on delete', async () => {
    const payments = h.lattice(h.creds(2));
    const tg = tgArn.get('checkout-tg')!;
    const statuses = async () =>
      ((await payments.send(new ListTargetsCommand({ targetGroupIdentifier: tg }))).items ?? []).map(
        (t) => `${t.id}:${t.status}`,
      );
    const one = await control<{ id: string; startedAt: number; forced: Array<{ targetId: string }> }>(
      h,
      'POST',
      '/incidents',
      { kind: 'unhealthy-targets', targetGroup: tg, count: 1 },
    );
    const sick = one.forced[0]!.targetId;
    expect(await statuses()).toContain(`${sick}:UNHEALTHY`);
    await advance(h, 30_000);
    const records = (await checkoutLogs()).filter((e) => e.record.targetGroupArn === tg);
    const toSick = records.filter((e) => String(e.record.targetIpPort).startsWith(`${sick}:`));
    const window = records.filter(inWindow(one.startedAt, one.startedAt + 10_000)).filter((e) => toSick.includes(e));
    expect(window.length).toBeGreaterThan(20);
    expect(
      window.every((e) => [502, 503, 504].includes(e.record.responseCode as number) && e.record.failureReason !== '-'),
    ).toBe(true);
    expect(toSick.filter(inWindow(one.startedAt + 10_000, one.startedAt + 30_000))).toHaveLength(0);

    const all = await control<{ id: string; startedAt: number }>(h, 'POST', '/incidents', {
      kind: 'unhealthy-targets',
      targetGroup: 'checkout-tg',
      count: 2,
    });
    await advance(h, 20_000);
    const failOpen = (await checkoutLogs())
      .filter((e) => e.record.targetGroupArn === tg)
      .filter(inWindow(all.startedAt, all.startedAt + 20_000));
    expect(failOpen.length).toBeGreaterThan(300);
    expect(new Set(failOpen.map((e) => String(e.record.targetIpPort).split(':')[0])).size).toBe(3);
    expect(failOpen.every((e) => (e.record.responseCode as number) >= 502)).toBe(true);

    const cleared = await control<{ ended: number }>(h, 'DELETE', '/incidents');
    expect(cleared.ended).toBe(2);
    expect((await statuses()).every((s) => s.endsWith(':HEALTHY'))).toBe(true);
    await advance(h, 5_000);
    const healed = (await checkoutLogs()).filter(
      (e) => e.record.targetGroupArn === tg && e.timestamp >= all.startedAt + 20_000,
    );
    expect(healed.filter((e) => String(e.record.targetIpPort).startsWith(`${sick}:`)).length).toBeGreaterThan(20);
    expect(healed.filter((e) => (e.record.responseCode as number) >= 500).length).toBeLessThan(healed.length * 0.05);
  });

  it('latency: adds the delay to every response of the group, and ends by itself after durationMs', async () => {
    const inc = await control<{ id: string; startedAt: number }>(h, 'POST', '/incidents', {
      kind: 'latency',
      targetGroup: 'catalog-tg',
      ms: 700,
      durationMs: 5_000,
    });
    await advance(h, 10_000);
    const listed = await control<{ incidents: Array<{ id: string; phase: string; endedAt?: number }> }>(
      h,
      'GET',
      '/incidents',
    );
    expect(listed.incidents.find((i) => i.id === inc.id)).toMatchObject({
      phase: 'ended',
      endedAt: inc.startedAt + 5_000,
    });
    const records = (await readGroup(h.logs(), GROUPS.mesh.name, inc.startedAt, inc.startedAt + 10_000)).filter(
      (e) => e.record.targetGroupArn === tgArn.get('catalog-tg'),
    );
    const slow = records.filter(inWindow(inc.startedAt, inc.startedAt + 5_000));
    const fast = records.filter(inWindow(inc.startedAt + 5_000, inc.startedAt + 10_000));
    expect(slow.length).toBeGreaterThan(100);
    expect(
      slow.every((e) => (e.record.responseFromTargetDuration as number) > 700 && (e.record.duration as number) > 700),
    ).toBe(true);
    expect(fast.filter((e) => (e.record.responseFromTargetDuration as number) > 700).length).toBeLessThan(
      fast.length * 0.02,
    );
  });
});

describe('incident validation', () => {
  const post = (body: unknown) => h.control('POST', '/incidents', body);

  it('names unknown and ambiguous target groups and services, and bad bodies', async () => {
    expect(await post({ kind: 'latency', targetGroup: 'no-such-tg', ms: 5 })).toEqual({
      status: 400,
      body: { error: expect.stringContaining("no target group 'no-such-tg'") },
    });
    expect((await post({ kind: 'auth-denials', service: 'nope', principal: 'Anonymous' })).body).toEqual({
      error: expect.stringContaining("no service 'nope'"),
    });
    await h.lattice(h.creds(0)).send(new CreateTargetGroupCommand({ name: 'cart-tg', type: 'LAMBDA' }));
    const ambiguous = await post({ kind: 'latency', targetGroup: 'cart-tg', ms: 5 });
    expect(ambiguous.status).toBe(400);
    expect((ambiguous.body as { error: string }).error).toMatch(/ambiguous: 2 target groups/);
    expect((await post({ kind: 'latency', targetGroup: tgArn.get('cart-tg'), ms: 5, durationMs: 1 })).status).toBe(200);
    expect((await post({ kind: 'unhealthy-targets', targetGroup: 'checkout-tg', count: 4 })).body).toEqual({
      error: expect.stringContaining('count 4 is too many'),
    });
    const bad = await post({ kind: 'target-errors', targetGroup: 'checkout-tg', errorRate: 2, extra: 1 });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: string }).error).toMatch(/errorRate/);
    expect((await post({ kind: 'auth-denials', service: 'checkout', principal: 'bob' })).body).toEqual({
      error: expect.stringContaining('principal'),
    });
    expect((await post({ kind: 'meteor' })).status).toBe(400);
    expect((await h.control('DELETE', '/incidents/inc-9999')).status).toBe(404);
  });

  it('refuses incidents in a world without traffic', async () => {
    await h.control('POST', '/reset', { scenario: 'empty', clock: { mode: 'manual', startMs: T0 } });
    expect((await h.control('POST', '/incidents', { kind: 'latency', targetGroup: 'x', ms: 5 })).status).toBe(409);
    expect((await h.control('GET', '/traffic')).body).toMatchObject({ enabled: false });
  });
});
