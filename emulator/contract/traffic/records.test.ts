/**
 * Contract tests: the records of the demo's traffic, read through the real CloudWatch Logs client —
 * the §3 format, routing by the current listener rules, auth of the network and the service, and
 * delivery to every matching access-log subscription.
 */
import {
  GetAuthPolicyCommand,
  ListServiceNetworksCommand,
  ListTargetGroupsCommand,
  PutAuthPolicyCommand,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_LOG_FIELDS, NUMERIC_FIELDS } from '../../traffic/vocabulary';
import type { Harness } from '../harness';
import { advance, control, demoHarness, GROUPS, readGroup, T0, type LogRecord } from './helpers';

let h: Harness;
const logs: Record<keyof typeof GROUPS, LogRecord[]> = {
  mesh: [],
  shared: [],
  paymentsApi: [],
  refunds: [],
  checkout: [],
};
const tg = new Map<string, string>();
const svc = (e: LogRecord) => String(e.record.hostHeader).split('-')[0];
const user = (e: LogRecord) => String(e.record.resolvedUser);

beforeAll(async () => {
  ({ h } = await demoHarness());
  await control(h, 'POST', '/traffic', { rateMultiplier: 6 });
  await advance(h, 20_000);
  for (const [key, g] of Object.entries(GROUPS))
    logs[key as keyof typeof GROUPS] = await readGroup(h.logs(h.creds(g.account)), g.name);
  for (const i of [0, 1, 2])
    for (const t of (await h.lattice(h.creds(i)).send(new ListTargetGroupsCommand({}))).items ?? [])
      tg.set(t.arn!, t.name!);
});
afterAll(() => h.close());

describe('record format', () => {
  it('has every §3 field in order, "-" for missing values, numbers as JSON numbers, startTime to the second', () => {
    const all = Object.values(logs).flat();
    expect(all.length).toBeGreaterThan(2000);
    const numeric = new Set<string>(NUMERIC_FIELDS);
    for (const e of all) {
      expect(Object.keys(e.record)).toEqual([...ACCESS_LOG_FIELDS]);
      expect(e.message).toBe(JSON.stringify(e.record));
      for (const [k, v] of Object.entries(e.record)) {
        if (numeric.has(k)) expect(typeof v === 'number' ? Number.isInteger(v) && v >= 0 : v === '-').toBe(true);
        else expect(typeof v === 'string' && v.length > 0).toBe(true);
      }
      expect(typeof e.record.responseCode).toBe('number');
      expect(e.record.startTime).toBe(
        new Date(Math.floor(e.timestamp / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      );
      expect(e.record.sourceVpcArn).toBe(
        `arn:aws:ec2:us-east-1:${String(e.record.sourceVpcArn).split(':')[4]}:vpc/${e.record.sourceVpcId}`,
      );
      expect(String(e.record.sourceIpPort)).toMatch(/^10\.\d+\.\d+\.\d+:\d+$/);
      if (e.record.listenerType === 'HTTPS')
        expect(e.record).toMatchObject({
          serverNameIndication: e.record.hostHeader,
          sslCipher: expect.stringMatching(/^ECDHE/),
        });
      else
        expect(e.record).toMatchObject({
          listenerType: 'HTTP',
          serverNameIndication: '-',
          sslCipher: '-',
          tlsVersion: '-',
        });
    }
  });

  it('delivers each request to the network subscription and the service subscription', () => {
    const mesh = new Set(logs.mesh.map((e) => e.message));
    expect(logs.paymentsApi.length).toBeGreaterThan(300);
    expect(logs.paymentsApi.every((e) => mesh.has(e.message))).toBe(true);
    expect(logs.checkout.every((e) => mesh.has(e.message))).toBe(true);
    expect(new Set(logs.paymentsApi.map(svc))).toEqual(new Set(['payments']));
    expect(logs.shared.some((e) => mesh.has(e.message))).toBe(false);
  });
});

describe('volume, status mix and latency', () => {
  it('sends each service its rate, mostly 2xx, some 4xx, rare 5xx, with log-normal times per target group', () => {
    // payments-api: 4 rps × rateMultiplier 6 × 20 s.
    expect(logs.paymentsApi.length).toBeGreaterThan(380);
    expect(logs.paymentsApi.length).toBeLessThan(580);
    const codes = logs.mesh.map((e) => e.record.responseCode as number);
    const share = (test: (c: number) => boolean) => codes.filter(test).length / codes.length;
    expect(share((c) => c < 300)).toBeGreaterThan(0.85);
    expect(share((c) => c >= 400 && c < 500 && c !== 403)).toBeGreaterThan(0.005);
    expect(share((c) => c >= 500)).toBeLessThan(0.02);
    const times = (name: string) =>
      logs.mesh
        .filter(
          (e) =>
            tg.get(String(e.record.targetGroupArn)) === name && typeof e.record.responseFromTargetDuration === 'number',
        )
        .map((e) => e.record.responseFromTargetDuration as number)
        .sort((a, b) => a - b);
    const identity = times('identity-tg');
    const fraud = times('fraud-check-fn');
    const at = (xs: number[], p: number) => xs[Math.floor(p * (xs.length - 1))] as number;
    expect(at(identity, 0.5)).toBeGreaterThanOrEqual(8);
    expect(at(identity, 0.5)).toBeLessThanOrEqual(18);
    expect(at(fraud, 0.5)).toBeGreaterThan(55);
    expect(at(fraud, 0.5)).toBeLessThan(120);
    expect(at(fraud, 0.99)).toBeGreaterThan(2.5 * at(fraud, 0.5));
  });
});

describe('routing by the current listener rules', () => {
  it('honours header, method+path and prefix rules on payments-api', () => {
    const byTg = (name: string) => logs.paymentsApi.filter((e) => tg.get(String(e.record.targetGroupArn)) === name);
    expect(byTg('refunds-tg').length).toBeGreaterThan(5);
    expect(
      byTg('refunds-tg').every((e) => e.record.requestMethod === 'POST' && e.record.requestPath === '/refund'),
    ).toBe(true);
    expect(byTg('payments-api-debug').length).toBeGreaterThan(0);
    expect(
      byTg('payments-api-debug').every(
        (e) => e.record.requestMethod === 'GET' && String(e.record.requestPath).startsWith('/v1/payments/'),
      ),
    ).toBe(true);
    expect(byTg('payments-api-v2').every((e) => String(e.record.requestPath).startsWith('/v2/'))).toBe(true);
    expect(
      logs.paymentsApi
        .filter((e) => e.record.requestPath === '/healthz')
        .every((e) => tg.get(String(e.record.targetGroupArn)) === 'payments-api-v1'),
    ).toBe(true);
  });

  it('answers the fixed 404 of billing-webhooks with no target, and forwards its POSTs', () => {
    const hooks = logs.shared.filter((e) => svc(e) === 'billing');
    const gets = hooks.filter((e) => e.record.requestMethod === 'GET');
    expect(gets.length).toBeGreaterThan(5);
    for (const e of gets) {
      expect(e.record).toMatchObject({
        responseCode: 404,
        targetGroupArn: '-',
        targetIpPort: '-',
        failureReason: '-',
        requestToTargetDuration: '-',
        responseFromTargetDuration: '-',
      });
    }
    expect(
      hooks
        .filter((e) => e.record.requestMethod === 'POST')
        .every((e) => tg.get(String(e.record.targetGroupArn)) === 'billing-webhooks-tg'),
    ).toBe(true);
  });
});

describe('auth', () => {
  it('refuses an anonymous caller of an AWS_IAM service in an open network with the documented 403', () => {
    const flags = logs.shared.filter((e) => svc(e) === 'feature');
    const anonymous = flags.filter((e) => user(e) === 'Anonymous');
    expect(anonymous.length).toBeGreaterThan(5);
    for (const e of anonymous) {
      expect(e.record).toMatchObject({
        responseCode: 403,
        resolvedUser: 'Anonymous',
        authDeniedReason: 'Service',
        failureReason: 'ClientAccessDenied',
        targetIpPort: '-',
        targetGroupArn: '-',
        callerPrincipal: '-',
      });
    }
    const signed = flags.filter((e) => user(e).startsWith('arn:aws:sts::111111111111:assumed-role/platform-jobs/'));
    expect(signed.length).toBeGreaterThan(5);
    expect(
      signed.every(
        (e) =>
          (e.record.responseCode as number) < 500 &&
          e.record.responseCode !== 403 &&
          e.record.callerPrincipal === e.record.resolvedUser,
      ),
    ).toBe(true);
    expect(signed.every((e) => e.record.callerPrincipalOrgID === 'o-tr3ll1sd3m')).toBe(true);
  });

  it('denies anonymous callers at an AWS_IAM network, and principals the service policy does not name', () => {
    const probe = logs.mesh.filter((e) => user(e) === 'Anonymous');
    expect(probe.length).toBeGreaterThan(3);
    expect(
      probe.every(
        (e) => e.record.responseCode === 403 && e.record.authDeniedReason === 'Network' && svc(e) === 'identity',
      ),
    ).toBe(true);
    const ledger = logs.refunds.filter((e) => user(e).includes(':assumed-role/ledger-task/'));
    const checkout = logs.refunds.filter((e) => user(e).includes('333333333333:assumed-role/checkout/'));
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((e) => e.record.responseCode === 403 && e.record.authDeniedReason === 'Service')).toBe(true);
    expect(checkout.length).toBeGreaterThan(20);
    expect(checkout.every((e) => e.record.authDeniedReason === '-' && e.record.responseCode !== 403)).toBe(true);
  });

  it('writes "-" for the caller when neither the network nor the service checks auth', () => {
    const open = logs.shared.filter((e) => svc(e) === 'images');
    expect(open.length).toBeGreaterThan(5);
    expect(
      open.every(
        (e) => e.record.resolvedUser === '-' && e.record.callerPrincipal === '-' && e.record.authDeniedReason === '-',
      ),
    ).toBe(true);
  });

  it('applies a network auth policy changed through the API from that moment on', async () => {
    const hub = h.lattice(h.creds(0));
    const mesh = (await hub.send(new ListServiceNetworksCommand({}))).items!.find((n) => n.name === 'prod-mesh')!;
    const policy = JSON.parse((await hub.send(new GetAuthPolicyCommand({ resourceIdentifier: mesh.id! }))).policy!) as {
      Statement: unknown[];
    };
    const deny = {
      Effect: 'Deny',
      Principal: { AWS: 'arn:aws:iam::333333333333:role/storefront-web' },
      Action: 'vpc-lattice-svcs:Invoke',
      Resource: '*',
    };
    const changedAt = (await control<{ now: number }>(h, 'GET', '/clock')).now;
    await hub.send(
      new PutAuthPolicyCommand({
        resourceIdentifier: mesh.id!,
        policy: JSON.stringify({ ...policy, Statement: [...policy.Statement, deny] }),
      }),
    );
    await advance(h, 5_000);
    const web = (await readGroup(h.logs(), GROUPS.mesh.name, T0)).filter((e) =>
      user(e).includes(':assumed-role/storefront-web/'),
    );
    const before = web.filter((e) => e.timestamp < changedAt);
    const after = web.filter((e) => e.timestamp >= changedAt);
    expect(before.filter((e) => e.record.responseCode === 403)).toHaveLength(0);
    expect(after.length).toBeGreaterThan(20);
    expect(
      after.every(
        (e) =>
          e.record.responseCode === 403 && e.record.authDeniedReason === 'Network' && e.record.targetGroupArn === '-',
      ),
    ).toBe(true);
  });
});
