/**
 * Integration: the write path refuses rules on a TLS passthrough listener of the demo (found through
 * the inventory, not by name), writes nothing, and still lets its default action's weights change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { getSnapshot } from '../inventory';
import { applyChange as applyUngranted } from './applyChange';
import { readServiceRouting } from './readService';
import { granted, testContext } from './testing';

const applyChange = granted(applyUngranted);

let app: AppHarness;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo', params: { backfillMinutes: 0 } });
});
afterAll(() => app.close());

async function passthroughListener() {
  const snap = await getSnapshot({}, app.factory());
  const l = snap.listeners.find((x) => x.protocol === 'TLS_PASSTHROUGH');
  if (!l) throw new Error('the demo has no TLS passthrough listener');
  const ctx = testContext(app.factory());
  const routing = await readServiceRouting(ctx, l.serviceArn);
  const listener = routing.listeners.find((x) => x.arn === l.arn)!;
  return { ctx, serviceArn: l.serviceArn, listener };
}

describe('TLS passthrough listener', () => {
  it('refuses a new rule with the reason and writes nothing', async () => {
    const { ctx, serviceArn, listener } = await passthroughListener();
    expect(listener.rules).toEqual([]);
    const action = listener.defaultAction!;
    await expect(
      applyChange(ctx, {
        kind: 'createRule',
        serviceArn,
        listenerArn: listener.arn,
        name: 'by-path',
        after: {
          priority: 10,
          match: { path: { type: 'prefix', value: '/x', caseSensitive: true }, headers: [] },
          action,
        },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('TLS passthrough') });
    const after = await readServiceRouting(ctx, serviceArn);
    expect(after.listeners.find((x) => x.arn === listener.arn)?.rules).toEqual([]);
  });

  it('refuses a fixed response as its default action, and applies new forward weights', async () => {
    const { ctx, serviceArn, listener } = await passthroughListener();
    const base = { kind: 'updateDefault' as const, serviceArn, listenerArn: listener.arn };
    await expect(
      applyChange(ctx, {
        ...base,
        expectedVersion: listener.defaultVersion,
        after: { action: { type: 'fixedResponse', statusCode: 404 } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const action = listener.defaultAction;
    if (action?.type !== 'forward') throw new Error('not a forward default action');
    const reweighed = { ...action, targetGroups: action.targetGroups.map((t) => ({ ...t, weight: 50 })) };
    await applyChange(ctx, { ...base, expectedVersion: listener.defaultVersion, after: { action: reweighed } });
    const after = await readServiceRouting(ctx, serviceArn);
    const d = after.listeners.find((x) => x.arn === listener.arn)?.defaultAction;
    expect(d?.type === 'forward' ? d.targetGroups.map((t) => t.weight) : []).toEqual([50, 50]);
  });
});
