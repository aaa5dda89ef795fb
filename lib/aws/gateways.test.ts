/**
 * Integration: the gateways against the in-process emulator (demo scenario), configured the way a
 * deployment is. Reads and writes return domain types; failures are TrellisErrors naming the call.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { ruleWeights, serviceArnByName } from '../../testing/rawAws';
import { TrellisError } from '../domain/errors';
import type { CallObserver } from './callGate';
import type { AwsClientFactory } from './clientFactory';
import { withWriteAccess } from './writeAccess';

const PAYMENTS = '222222222222';
let app: AppHarness;
let factory: AwsClientFactory;
let serviceArn: string;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  factory = app.factory();
  serviceArn = await serviceArnByName(app.h, 'payments-api');
});
afterEach(() => app.clearFaults());
afterAll(() => app.close());

function counter(): CallObserver & { seen: string[] } {
  const seen: string[] = [];
  const note = (what: string) => (_a: string, op: string) => void seen.push(`${what} ${op}`);
  return { seen, call: note('call'), request: note('request'), throttled: note('throttled'), failed: note('failed') };
}

describe('factory.gateways', () => {
  it('keeps one gateway per (API, account, region, user)', () => {
    const g = factory.gateways;
    expect(g.lattice({ accountId: PAYMENTS, user: 'ann' })).toBe(g.lattice({ accountId: PAYMENTS, user: 'ann' }));
    expect(g.lattice({ accountId: PAYMENTS, user: 'ann' })).toBe(
      g.lattice({ accountId: PAYMENTS, region: 'us-east-1', user: 'ann' }),
    );
    expect(g.lattice({ accountId: PAYMENTS, user: 'ann' })).not.toBe(g.lattice({ accountId: PAYMENTS, user: 'bo' }));
    expect(g.lattice({ accountId: PAYMENTS }).region).toBe('us-east-1');
  });
});

describe('LatticeGateway', () => {
  it('reads a service, its listeners and rules as domain types', async () => {
    const lattice = factory.gateways.lattice({ accountId: PAYMENTS, user: 'ann' });
    const svc = await lattice.getService(serviceArn);
    expect(svc).toMatchObject({ arn: serviceArn, name: 'payments-api', accountId: PAYMENTS, visibleTo: [PAYMENTS] });
    const listeners = await lattice.listListeners(serviceArn);
    expect(listeners.error).toBeUndefined();
    const listener = listeners.items[0]!;
    const detail = await lattice.getListener(serviceArn, listener.arn);
    expect(detail.defaultAction?.type).toBeDefined();
    const rules = await lattice.listRules(serviceArn, listener.arn);
    const canary = rules.items.find((r) => r.name === 'v2-canary')!;
    const rule = await lattice.getRule(serviceArn, listener.arn, canary.arn);
    expect(rule).toMatchObject({ arn: canary.arn, isDefault: false, priority: canary.priority });
    expect(rule.action?.type).toBe('forward');
  });

  it('writes a rule (critical) and the API has it', async () => {
    const lattice = factory.gateways.lattice({ accountId: PAYMENTS, user: 'ann' });
    const listener = (await lattice.listListeners(serviceArn)).items[0]!;
    const summary = (await lattice.listRules(serviceArn, listener.arn)).items.find((r) => r.name === 'v2-canary')!;
    const rule = await lattice.getRule(serviceArn, listener.arn, summary.arn);
    if (rule.action?.type !== 'forward' || !rule.match) throw new Error('the demo canary rule forwards');
    const targetGroups = rule.action.targetGroups.map((t, i) => ({ ...t, weight: i === 0 ? 70 : 30 }));
    const match = rule.match;
    const write = () =>
      lattice.updateRule(serviceArn, listener.arn, rule.arn, {
        priority: rule.priority!,
        match,
        action: { type: 'forward', targetGroups },
      });
    // Outside a change (a read, a viewer's request) the write role is out of reach.
    await expect(write()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await ruleWeights(app.h, { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn }))?.[1]).not.toBe(30);
    const out = await withWriteAccess('test', write);
    expect(out.requestId).toBeTruthy();
    const ids = { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn };
    expect((await ruleWeights(app.h, ids))?.slice(0, 2)).toEqual([70, 30]);
  });

  it('keeps what a List read before a page failed, with the error, and counts the calls for its observer', async () => {
    await app.h.control('POST', '/faults', {
      account: PAYMENTS,
      service: 'vpc-lattice',
      operation: 'ListTargetGroups',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
    });
    const obs = counter();
    const lattice = factory.gateways.lattice({ accountId: PAYMENTS }).with({ observer: obs });
    const got = await lattice.listTargetGroups();
    expect(got.items).toEqual([]);
    expect(got.error).toBeInstanceOf(TrellisError);
    expect((got.error as TrellisError).code).toBe('ACCESS_DENIED');
    expect((got.error as TrellisError).message).toContain('ListTargetGroups');
    expect(obs.seen).toEqual(['call ListTargetGroups', 'request ListTargetGroups', 'failed ListTargetGroups']);
  });

  it('throws a TrellisError naming the call for a Get of something that does not exist', async () => {
    const missing = serviceArn.replace(/svc-[0-9a-z]+$/, 'svc-0000000000000000f');
    const e = await factory.gateways
      .lattice({ accountId: PAYMENTS })
      .getService(missing)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TrellisError);
    expect((e as TrellisError).code).toBe('NOT_FOUND');
    expect((e as TrellisError).message).toContain('GetService');
  });
});

describe('LogsGateway', () => {
  it('creates a group and stream, writes events and filters them back by stream prefix', async () => {
    const logs = factory.gateways.logs({ accountId: PAYMENTS });
    const group = '/trellis/gateway-test';
    await logs.createLogGroup(group);
    await logs.createLogStream(group, 'canary/x');
    await logs.createLogStream(group, 'other/x');
    const now = Date.now();
    await logs.putLogEvents(group, 'canary/x', [{ timestamp: now, message: 'kept' }]);
    await logs.putLogEvents(group, 'other/x', [{ timestamp: now, message: 'not this one' }]);
    expect(await logs.filterLogEvents(group, 'canary/', now - 1000)).toEqual(['kept']);
    const e = await logs.createLogGroup(group).catch((x: unknown) => x);
    expect((e as TrellisError).awsCode).toBe('ResourceAlreadyExistsException');
  });

  it('runs an Insights query to its rows', async () => {
    const logs = factory.gateways.logs({ accountId: PAYMENTS });
    const group = '/trellis/gateway-query';
    await logs.createLogGroup(group);
    await logs.createLogStream(group, 's');
    const now = Date.now();
    await logs.putLogEvents(group, 's', [{ timestamp: now - 1000, message: JSON.stringify({ responseCode: 503 }) }]);
    const id = await logs.startQuery({
      logGroupNames: [group],
      queryString: 'stats count(*) as n',
      startMs: now - 60_000,
      endMs: now + 1000,
    });
    let r = await logs.getQueryResults(id);
    while (r.status === 'Running' || r.status === 'Scheduled') {
      await new Promise((res) => setTimeout(res, 20));
      r = await logs.getQueryResults(id);
    }
    expect(r.status).toBe('Complete');
    expect(r.rows).toEqual([{ n: '1' }]);
    expect(r.statistics.recordsMatched).toBe(1);
  });
});
