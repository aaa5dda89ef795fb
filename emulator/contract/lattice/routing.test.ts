/** Contract tests: listeners, rules (default rule, priorities, BatchUpdateRule) through the real SDK client. */
import {
  BatchUpdateRuleCommand,
  ConflictException,
  CreateListenerCommand,
  CreateRuleCommand,
  DeleteListenerCommand,
  DeleteRuleCommand,
  GetListenerCommand,
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ResourceNotFoundException,
  UpdateListenerCommand,
  UpdateRuleCommand,
  ValidationException,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, ipTargetGroup, service, serviceWithListener } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const prefix = (p: string) => ({ httpMatch: { pathMatch: { match: { prefix: p } } } });

describe('listeners', () => {
  it('create → get → list → update default action → delete', async () => {
    const c = h.lattice();
    const svc = await service(c);
    const tg1 = await ipTargetGroup(c);
    const tg2 = await ipTargetGroup(c);
    const created = await c.send(
      new CreateListenerCommand({
        serviceIdentifier: svc.arn,
        name: 'web',
        protocol: 'HTTPS',
        defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg1.arn, weight: 5 }] } },
      }),
    );
    expect(created.id).toMatch(/^listener-[0-9a-z]{17}$/);
    expect(created.arn).toBe(`${svc.arn}/listener/${created.id}`);
    expect(created).toMatchObject({ port: 443, protocol: 'HTTPS', serviceId: svc.id, serviceArn: svc.arn });
    expect(created.defaultAction?.forward?.targetGroups).toEqual([{ targetGroupIdentifier: tg1.id, weight: 5 }]);
    const got = await c.send(new GetListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.arn }));
    expect(got).toMatchObject({ id: created.id, name: 'web', port: 443 });
    expect((await c.send(new ListListenersCommand({ serviceIdentifier: svc.id }))).items?.map((l) => l.id)).toEqual([
      created.id,
    ]);
    const upd = await c.send(
      new UpdateListenerCommand({
        serviceIdentifier: svc.id,
        listenerIdentifier: created.id,
        defaultAction: {
          forward: {
            targetGroups: [
              { targetGroupIdentifier: tg1.id, weight: 80 },
              { targetGroupIdentifier: tg2.id, weight: 20 },
            ],
          },
        },
      }),
    );
    expect(upd.defaultAction?.forward?.targetGroups).toHaveLength(2);
    const after = await c.send(new GetListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.id }));
    expect(after.defaultAction?.forward?.targetGroups?.map((t) => t.weight)).toEqual([80, 20]);
    const rules = await c.send(new ListRulesCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.id }));
    const def = rules.items?.find((r) => r.isDefault);
    const defRule = await c.send(
      new GetRuleCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.id, ruleIdentifier: def!.id }),
    );
    expect(defRule.action?.forward?.targetGroups?.map((t) => t.weight)).toEqual([80, 20]);
    await c.send(new DeleteListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.id }));
    expect(
      await caught(c.send(new GetListenerCommand({ serviceIdentifier: svc.id, listenerIdentifier: created.id }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses a forward to a target group that does not exist (404) and duplicate listener ports (409)', async () => {
    const c = h.lattice();
    const { svc, tg } = await serviceWithListener(c);
    const e = await caught(
      c.send(
        new CreateListenerCommand({
          serviceIdentifier: svc,
          name: 'other',
          protocol: 'HTTPS',
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: 'tg-00000000000000000' }] } },
        }),
      ),
    );
    expect(e).toBeInstanceOf(ResourceNotFoundException);
    expect((e as ResourceNotFoundException).resourceType).toBe('TARGET_GROUP');
    const dup = await caught(
      c.send(
        new CreateListenerCommand({
          serviceIdentifier: svc,
          name: 'again',
          protocol: 'HTTP',
          port: 80,
          defaultAction: { forward: { targetGroups: [{ targetGroupIdentifier: tg }] } },
        }),
      ),
    );
    expect(dup).toBeInstanceOf(ConflictException);
  });
});

describe('rules', () => {
  it('create → get → list (with the default rule last) → update → delete', async () => {
    const c = h.lattice();
    const { svc, listener, tg } = await serviceWithListener(c);
    const tg2 = await ipTargetGroup(c);
    const created = await c.send(
      new CreateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        name: 'canary',
        priority: 10,
        match: prefix('/v2/'),
        action: {
          forward: {
            targetGroups: [
              { targetGroupIdentifier: tg, weight: 90 },
              { targetGroupIdentifier: tg2.id, weight: 10 },
            ],
          },
        },
      }),
    );
    expect(created.id).toMatch(/^rule-[0-9a-z]{17}$/);
    expect(created).toMatchObject({ name: 'canary', priority: 10, match: prefix('/v2/') });
    const got = await c.send(
      new GetRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: created.arn }),
    );
    expect(got).toMatchObject({ isDefault: false, priority: 10 });
    expect(got.action?.forward?.targetGroups?.map((t) => t.weight)).toEqual([90, 10]);
    const listed = await c.send(new ListRulesCommand({ serviceIdentifier: svc, listenerIdentifier: listener }));
    expect(listed.items?.map((r) => [r.name, r.isDefault, r.priority])).toEqual([
      ['canary', false, 10],
      ['default', true, undefined],
    ]);
    // UpdateRule replaces the whole action and match it is given.
    const upd = await c.send(
      new UpdateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        ruleIdentifier: created.id,
        priority: 5,
        match: { httpMatch: { method: 'GET' } },
        action: { fixedResponse: { statusCode: 503 } },
      }),
    );
    expect(upd).toMatchObject({
      priority: 5,
      match: { httpMatch: { method: 'GET' } },
      action: { fixedResponse: { statusCode: 503 } },
    });
    const again = await c.send(
      new GetRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: created.id }),
    );
    expect(again.action).toEqual({ fixedResponse: { statusCode: 503 } });
    expect(again.match).toEqual({ httpMatch: { method: 'GET' } });
    await c.send(
      new DeleteRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: created.id }),
    );
    expect(
      await caught(
        c.send(
          new GetRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: created.id }),
        ),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps priorities unique per listener and protects the default rule', async () => {
    const c = h.lattice();
    const { svc, listener, tg } = await serviceWithListener(c);
    const action = { forward: { targetGroups: [{ targetGroupIdentifier: tg }] } };
    await c.send(
      new CreateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        name: 'route-a',
        priority: 1,
        match: prefix('/a'),
        action,
      }),
    );
    const dup = await caught(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          name: 'route-b',
          priority: 1,
          match: prefix('/b'),
          action,
        }),
      ),
    );
    expect(dup).toBeInstanceOf(ConflictException);
    expect((dup as ConflictException).resourceType).toBe('RULE');
    const rules = await c.send(new ListRulesCommand({ serviceIdentifier: svc, listenerIdentifier: listener }));
    const def = rules.items!.find((r) => r.isDefault)!;
    const u = await caught(
      c.send(
        new UpdateRuleCommand({
          serviceIdentifier: svc,
          listenerIdentifier: listener,
          ruleIdentifier: def.id,
          priority: 9,
        }),
      ),
    );
    expect(u).toBeInstanceOf(ValidationException);
    const d = await caught(
      c.send(new DeleteRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: def.arn })),
    );
    expect(d).toBeInstanceOf(ValidationException);
  });

  it('BatchUpdateRule swaps priorities in one call and reports per-rule failures', async () => {
    const c = h.lattice();
    const { svc, listener, tg } = await serviceWithListener(c);
    const action = { forward: { targetGroups: [{ targetGroupIdentifier: tg }] } };
    const a = await c.send(
      new CreateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        name: 'route-a',
        priority: 1,
        match: prefix('/a'),
        action,
      }),
    );
    const b = await c.send(
      new CreateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        name: 'route-b',
        priority: 2,
        match: prefix('/b'),
        action,
      }),
    );
    const c3 = await c.send(
      new CreateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        name: 'route-c',
        priority: 3,
        match: prefix('/c'),
        action,
      }),
    );
    const out = await c.send(
      new BatchUpdateRuleCommand({
        serviceIdentifier: svc,
        listenerIdentifier: listener,
        rules: [
          { ruleIdentifier: a.id!, priority: 2 },
          { ruleIdentifier: b.id!, priority: 1, action: { fixedResponse: { statusCode: 418 } } },
          { ruleIdentifier: c3.id!, priority: 1 },
          { ruleIdentifier: 'rule-00000000000000000', priority: 50 },
        ],
      }),
    );
    expect(out.successful?.map((r) => [r.name, r.priority]).sort()).toEqual([
      ['route-a', 2],
      ['route-b', 1],
    ]);
    const failures = Object.fromEntries(out.unsuccessful!.map((f) => [f.ruleIdentifier, f.failureCode]));
    expect(failures).toEqual({ [c3.id!]: 'ConflictException', 'rule-00000000000000000': 'ResourceNotFoundException' });
    expect(out.unsuccessful?.every((f) => (f.failureMessage ?? '').length > 0)).toBe(true);
    const listed = await c.send(new ListRulesCommand({ serviceIdentifier: svc, listenerIdentifier: listener }));
    expect(listed.items?.map((r) => r.name)).toEqual(['route-b', 'route-a', 'route-c', 'default']);
    expect(
      (
        await c.send(
          new GetRuleCommand({ serviceIdentifier: svc, listenerIdentifier: listener, ruleIdentifier: b.id! }),
        )
      ).action,
    ).toEqual({ fixedResponse: { statusCode: 418 } });
  });

  it('refuses a rule without conditions and a rule of another listener', async () => {
    const c = h.lattice();
    const one = await serviceWithListener(c);
    const two = await serviceWithListener(c);
    const action = { forward: { targetGroups: [{ targetGroupIdentifier: one.tg }] } };
    const empty = await caught(
      c.send(
        new CreateRuleCommand({
          serviceIdentifier: one.svc,
          listenerIdentifier: one.listener,
          name: 'empty',
          priority: 4,
          match: { httpMatch: {} },
          action,
        }),
      ),
    );
    expect(empty).toBeInstanceOf(ValidationException);
    const r = await c.send(
      new CreateRuleCommand({
        serviceIdentifier: one.svc,
        listenerIdentifier: one.listener,
        name: 'route-x',
        priority: 4,
        match: prefix('/x'),
        action,
      }),
    );
    const wrong = await caught(
      c.send(
        new GetRuleCommand({ serviceIdentifier: two.svc, listenerIdentifier: two.listener, ruleIdentifier: r.id }),
      ),
    );
    expect(wrong).toBeInstanceOf(ResourceNotFoundException);
    const wrongListener = await caught(
      c.send(new GetListenerCommand({ serviceIdentifier: two.svc, listenerIdentifier: one.listener })),
    );
    expect(wrongListener).toBeInstanceOf(ResourceNotFoundException);
  });
});
