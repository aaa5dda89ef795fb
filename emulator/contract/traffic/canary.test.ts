/**
 * Done-when: with weights 90/10, 20,000 simulated requests on payments-api's canary rule split
 * within ±2 points in the access logs (counted by Logs Insights through the real SDK); after an
 * UpdateRule to 50/50 the records from that moment on split 50/50 and none before moved.
 */
import {
  GetRuleCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServicesCommand,
  ListTargetGroupsCommand,
  UpdateRuleCommand,
  type VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../harness';
import { advance, control, demoHarness, GROUPS, insights, readGroup, T0 } from './helpers';

const QUERY = 'filter requestPath like /^\\/v2\\// | stats count(*) as n by targetGroupArn';
let h: Harness;
let payments: VPCLatticeClient;

beforeAll(async () => {
  ({ h } = await demoHarness());
  payments = h.lattice(h.creds(1));
  // Only canary traffic: 1000 GET /v2/... per second from the storefront's checkout service.
  await control(h, 'POST', '/traffic', {
    profiles: [
      {
        service: 'payments-api',
        rps: 1000,
        callers: [['checkout', 1]],
        requests: [{ weight: 1, method: 'GET', path: '/v2/payments/{id}' }],
      },
    ],
  });
});
afterAll(() => h.close());

async function canaryRule() {
  const api = (await payments.send(new ListServicesCommand({}))).items!.find((s) => s.name === 'payments-api')!;
  const listener = (await payments.send(new ListListenersCommand({ serviceIdentifier: api.id! }))).items![0]!;
  const rules = (
    await payments.send(new ListRulesCommand({ serviceIdentifier: api.id!, listenerIdentifier: listener.id! }))
  ).items!;
  for (const r of rules) {
    const rule = await payments.send(
      new GetRuleCommand({ serviceIdentifier: api.id!, listenerIdentifier: listener.id!, ruleIdentifier: r.id! }),
    );
    if (rule.action?.forward?.targetGroups?.length === 2) return { serviceId: api.id!, listenerId: listener.id!, rule };
  }
  throw new Error('no canary rule');
}

async function split(
  group: { name: string; account: number },
  fromMs: number,
  toMs: number,
): Promise<Map<string, number>> {
  const rows = await insights(h.logs(h.creds(group.account)), [group.name], QUERY, fromMs, toMs);
  return new Map(rows.map((r) => [r.targetGroupArn!, Number(r.n)]));
}

describe('canary weights in the access logs', () => {
  it('splits 90/10, then 50/50 from the UpdateRule on, without moving earlier records', async () => {
    const tgs = new Map(
      ((await payments.send(new ListTargetGroupsCommand({}))).items ?? []).map((t) => [t.name!, t.arn!]),
    );
    const v1 = tgs.get('payments-api-v1')!;
    const v2 = tgs.get('payments-api-v2')!;
    const { serviceId, listenerId, rule } = await canaryRule();
    expect(rule.action!.forward!.targetGroups!.map((t) => t.weight)).toEqual([90, 10]);

    await advance(h, 21_000);
    const tChange = T0 + 21_000;
    const before = await split(GROUPS.paymentsApi, T0, tChange);
    const total = (before.get(v1) ?? 0) + (before.get(v2) ?? 0);
    expect(total).toBeGreaterThanOrEqual(20_000);
    expect([...before.keys()].sort()).toEqual([v1, v2].sort());
    expect(Math.abs((before.get(v1) ?? 0) / total - 0.9)).toBeLessThanOrEqual(0.02);
    // The network owner's log group got the same requests.
    expect(await split(GROUPS.mesh, T0, tChange)).toEqual(before);
    // FilterLogEvents agrees with Logs Insights.
    const v2Events = await readGroup(
      h.logs(h.creds(1)),
      GROUPS.paymentsApi.name,
      T0,
      tChange,
      `{ $.targetGroupArn = "${v2}" }`,
    );
    expect(v2Events).toHaveLength(before.get(v2)!);

    const [a, b] = rule.action!.forward!.targetGroups!;
    await payments.send(
      new UpdateRuleCommand({
        serviceIdentifier: serviceId,
        listenerIdentifier: listenerId,
        ruleIdentifier: rule.id!,
        action: {
          forward: {
            targetGroups: [
              { ...a!, weight: 50 },
              { ...b!, weight: 50 },
            ],
          },
        },
      }),
    );
    await advance(h, 21_000);
    const after = await split(GROUPS.paymentsApi, tChange, tChange + 21_000);
    const totalAfter = (after.get(v1) ?? 0) + (after.get(v2) ?? 0);
    expect(totalAfter).toBeGreaterThanOrEqual(20_000);
    expect(Math.abs((after.get(v1) ?? 0) / totalAfter - 0.5)).toBeLessThanOrEqual(0.02);
    expect(await split(GROUPS.paymentsApi, T0, tChange)).toEqual(before);
  });
});
