/**
 * Integration (emulator): which credentials each call holds. Reads assume the account's read role; only a
 * mutating action's body (runAction) and the canary runner may assume the write role, which carries the user
 * as SourceIdentity; the audit log always uses the console's own credentials in the hub.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { DEMO_EXTERNAL_ID, STANDARD_ACCOUNTS } from '../../emulator/scenarios/accounts';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { createService, ruleWeights, serviceArnByName } from '../../testing/rawAws';
import { runAction } from './run';
import { auditScope, queryAuditEvents } from '../audit/log';
import type { Config } from '../config';
import type { RuleAction } from '../domain/routing';
import type { User } from '../domain/user';
import { applyChange } from '../routing/applyChange';
import type { RoutingChange } from '../routing/change';
import { routingContext } from '../routing/context';
import { paymentsCanary } from '../routing/testing';
import type { AwsClientFactory } from '../aws/clientFactory';
import { withWriteAccess } from '../aws/writeAccess';

const [hub, payments, storefront] = STANDARD_ACCOUNTS as [
  (typeof STANDARD_ACCOUNTS)[0],
  (typeof STANDARD_ACCOUNTS)[0],
  (typeof STANDARD_ACCOUNTS)[0],
];
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
const twoRoles = (a: { id: string; name: string }) => ({
  accountId: a.id,
  name: a.name,
  readRoleArn: role(a.id, 'TrellisReadOnly'),
  writeRoleArn: role(a.id, 'TrellisOperator'),
  externalId: DEMO_EXTERNAL_ID,
});
/** Hub by its own keys; payments with both roles; storefront read-only (no write role). */
const ACCOUNTS = [
  { accountId: hub.id, name: hub.name },
  twoRoles(payments),
  { ...twoRoles(storefront), writeRoleArn: undefined },
];

const viewer: User = { id: 'victor@example.com', name: 'Victor', role: 'viewer', source: 'alb' };
const operator: User = { id: 'olga@example.com', name: 'Olga', role: 'operator', source: 'alb' };

let app: AppHarness;
let serviceArn: string;
/** The principal of every request the emulator accepted, in order. */
let principals: string[] = [];

function factoryWith(accounts: unknown[]): AwsClientFactory {
  return app.factory({ TRELLIS_ACCOUNTS: JSON.stringify(accounts) });
}

const act = <O>(f: AwsClientFactory, user: User, mutates: boolean, body: () => Promise<O>) =>
  runAction({ name: 'test.act', input: z.object({}), mutates }, {}, body, {
    user: async () => user,
    config: () => f.config as Config,
  });

const reweigh = (a: RuleAction | undefined, ws: number[]): RuleAction => {
  if (a?.type !== 'forward') throw new Error('not a forward action');
  return { type: 'forward', targetGroups: a.targetGroups.map((t, i) => ({ ...t, weight: ws[i] ?? 0 })) };
};

async function canaryChange(f: AwsClientFactory, ws: number[]): Promise<RoutingChange> {
  const { listener, rule } = await paymentsCanary(routingContext(operator, f), serviceArn);
  return {
    kind: 'updateRule',
    serviceArn,
    listenerArn: listener.arn,
    ruleArn: rule.arn,
    expectedVersion: rule.version,
    after: { priority: rule.priority, match: rule.match, action: reweigh(rule.action, ws) },
  };
}

const assumedRoles = () => principals.filter((p) => p.includes(':assumed-role/')).map((p) => p.split('/')[1]);

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
  serviceArn = await serviceArnByName(app.h, 'payments-api');
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.h.control('POST', '/reset', { scenario: 'demo', seed: 1, params: { backfillMinutes: 0 } });
  principals = [];
  const iam = app.h.emu.state.iam;
  const resolve = iam.resolve.bind(iam);
  vi.spyOn(iam, 'resolve').mockImplementation((...args) => {
    const p = resolve(...args);
    principals.push(`${p.arn}${p.sourceIdentity ? ` (${p.sourceIdentity})` : ''}`);
    return p;
  });
});

describe('the write role is held only inside a change', () => {
  it("a viewer's read, and any non-mutating action, holds the read role, never the write role's", async () => {
    const f = factoryWith(ACCOUNTS);
    for (const user of [viewer, operator]) {
      const r = await act(f, user, false, async () => {
        const ctx = routingContext(user, f);
        const change = await canaryChange(f, [0, 100]);
        const lattice = f.gateways.lattice({ accountId: payments.id, user: user.id });
        const refusals = await Promise.all([
          applyChange(ctx, change).catch((e: unknown) => e),
          lattice.tagResource(serviceArn, { 'trellis:x': '1' }).catch((e: unknown) => e),
          f.callerIdentity({ accountId: payments.id, user: user.id, access: 'write' }).catch((e: unknown) => e),
          // The base credentials count as write credentials for a change in the hub.
          f.callerIdentity({ accountId: hub.id, user: user.id, access: 'write' }).catch((e: unknown) => e),
        ]);
        expect(() => f.credentialsFor({ accountId: payments.id, user: user.id, access: 'write' })).toThrow(
          expect.objectContaining({ code: 'FORBIDDEN' }),
        );
        return refusals;
      });
      if (!r.ok) throw new Error(r.error.message);
      for (const e of r.value) expect(e).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/write/) });
    }
    expect(new Set(assumedRoles())).toEqual(new Set(['TrellisReadOnly']));
    const { listener, rule } = await paymentsCanary(routingContext(operator, f), serviceArn);
    expect(await ruleWeights(app.h, { serviceArn, listenerArn: listener.arn, ruleArn: rule.arn })).toEqual([90, 10]);
  });

  it("a viewer's mutating action is refused before any call: no session of the write role exists", async () => {
    const f = factoryWith(ACCOUNTS);
    const body = vi.fn(async () => applyChange(routingContext(viewer, f), await canaryChange(f, [0, 100])));
    const r = await act(f, viewer, true, body);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(body).not.toHaveBeenCalled();
    expect(assumedRoles()).not.toContain('TrellisOperator');
  });

  it('a mutating action writes with the write role carrying the user; its reads stay on the read role', async () => {
    const f = factoryWith(ACCOUNTS);
    const change = await canaryChange(f, [40, 60]);
    principals = [];
    const r = await act(f, operator, true, () => applyChange(routingContext(operator, f), change));
    expect(r).toMatchObject({ ok: true, value: { requestId: expect.any(String) } });
    const ids = { serviceArn, listenerArn: change.listenerArn, ruleArn: (change as { ruleArn: string }).ruleArn };
    expect(await ruleWeights(app.h, ids)).toEqual([40, 60]);
    const sessions = new Set(principals.filter((p) => p.includes(':assumed-role/')));
    expect(sessions).toEqual(
      new Set([
        `arn:aws:sts::${payments.id}:assumed-role/TrellisReadOnly/trellis-olga@example.com (olga@example.com)`,
        `arn:aws:sts::${payments.id}:assumed-role/TrellisOperator/trellis-olga@example.com (olga@example.com)`,
      ]),
    );
  });

  it('write credentials obtained inside a change do not work after it, even from the cache', async () => {
    const f = factoryWith(ACCOUNTS);
    const scope = { accountId: payments.id, user: operator.id, access: 'write' as const };
    const r = await act(f, operator, true, async () => {
      const provider = f.credentialsFor(scope);
      await provider?.();
      return { provider, client: f.lattice(scope) };
    });
    if (!r.ok) throw new Error(r.error.message);
    await expect(r.value.provider?.()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(() => f.lattice(scope)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('an account without a write role refuses changes, naming it, without assuming anything', async () => {
    const f = factoryWith(ACCOUNTS);
    const e = await withWriteAccess('test', () =>
      f.callerIdentity({ accountId: storefront.id, user: operator.id, access: 'write' }),
    ).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('storefront') });
    expect(assumedRoles()).toEqual([]);
  });
});

describe("the hub's changes carry the user; the audit log uses the console's own credentials", () => {
  it('the hub listed with only a writeRoleArn is read with its own keys and changed through that role', async () => {
    app.h.emu.state.iam.addRole(hub.id, 'TrellisOperator', [hub.id], DEMO_EXTERNAL_ID);
    const hubService = await createService(app.h, 'hub-svc');
    const f = factoryWith([{ ...twoRoles(hub), readRoleArn: undefined }, twoRoles(payments)]);
    const read = await f.callerIdentity({ accountId: hub.id, user: operator.id });
    expect(read.arn).toBe(`arn:aws:iam::${hub.id}:user/admin`);
    principals = [];
    const r = await act(f, operator, true, () =>
      f.gateways.lattice({ accountId: hub.id, user: operator.id }).tagResource(hubService, { 'trellis:x': '1' }),
    );
    expect(r).toMatchObject({ ok: true });
    expect(principals).toContain(
      `arn:aws:sts::${hub.id}:assumed-role/TrellisOperator/trellis-olga@example.com (olga@example.com)`,
    );
  });

  it('writes and reads the audit log in the hub with its own keys even if all listed accounts have roles', async () => {
    const f = factoryWith([twoRoles(payments), { ...twoRoles(storefront), writeRoleArn: undefined }]);
    expect(await auditScope(f)).toMatchObject({ accountId: hub.id });
    const change = await canaryChange(f, [30, 70]);
    principals = [];
    const r = await act(f, operator, true, () => applyChange(routingContext(operator, f), change));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.auditError).toBeUndefined();
    const window = { startMs: Date.now() - 60_000, endMs: Date.now() + 1000 };
    const events = await queryAuditEvents(f, { resource: (change as { ruleArn: string }).ruleArn }, window);
    expect(events).toMatchObject([{ action: 'rule.update', result: 'applied', accountId: payments.id }]);
    expect(app.h.emu.state.logs.group(hub.id, 'us-east-1', f.config.auditLogGroup)).toBeDefined();
    expect(app.h.emu.state.logs.group(payments.id, 'us-east-1', f.config.auditLogGroup)).toBeUndefined();
    // Every call besides the Lattice ones and AssumeRole was signed by the hub's own user.
    expect(principals.filter((p) => !p.includes(':assumed-role/'))).not.toHaveLength(0);
    expect(new Set(principals.filter((p) => !p.includes(':assumed-role/')))).toEqual(
      new Set([`arn:aws:iam::${hub.id}:user/admin`]),
    );
  });
});
