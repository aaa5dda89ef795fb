import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../graph/testing/fixtures';
import { BIN_MS } from './constants';
import { deliveredUntil, fold, principalOf, type QueryRows } from './fold';

const snap = demoLike();
const T = Date.UTC(2026, 0, 5, 9, 0);
const at = (i: number) => new Date(T + i * BIN_MS).toISOString().replace('T', ' ').replace('Z', '');
const rows = (accountId: string, logGroupNames: string[], r: Array<Record<string, string>>): QueryRows => ({
  accountId,
  region: 'us-east-1',
  logGroupNames,
  rows: r,
});
const PAY_LOG = '222222222222:/aws/vpc-lattice/payments-api';
const MESH_LOG = '111111111111:/aws/vpc-lattice/prod-mesh';

describe('fold', () => {
  it('counts a service from its own log group, not twice through its network; others from the network', () => {
    const series = [
      rows(
        '222222222222',
        ['/aws/vpc-lattice/payments-api'],
        [
          {
            t: at(0),
            '@log': PAY_LOG,
            serviceArn: DEMO.paymentsApi,
            targetGroupArn: DEMO.v2,
            responseCode: '200',
            n: '90',
          },
          {
            t: at(0),
            '@log': PAY_LOG,
            serviceArn: DEMO.paymentsApi,
            targetGroupArn: DEMO.v2,
            responseCode: '503',
            failureReason: 'TargetUnavailable',
            n: '10',
          },
        ],
      ),
      rows(
        '111111111111',
        ['/aws/vpc-lattice/prod-mesh'],
        [
          {
            t: at(0),
            '@log': MESH_LOG,
            serviceArn: DEMO.paymentsApi,
            targetGroupArn: DEMO.v2,
            responseCode: '200',
            n: '90',
          },
          {
            t: at(0),
            '@log': MESH_LOG,
            serviceArn: DEMO.ledger,
            targetGroupArn: DEMO.ledgerTg,
            responseCode: '200',
            n: '7',
          },
        ],
      ),
    ];
    const latency = [
      rows(
        '222222222222',
        ['/aws/vpc-lattice/payments-api'],
        [{ t: at(0), targetGroupArn: DEMO.v2, n: '90', p50: '20', p75: '30', p90: '40', p95: '55' }],
      ),
    ];
    const f = fold({
      subscriptions: snap.accessLogSubscriptions,
      window: { startMs: T, endMs: T + 2 * BIN_MS },
      baselineMinutes: 60,
      series,
      latency,
      denials: [],
      baseline: [],
      latencyBaseline: [],
      denialBaseline: [],
      surelyDeliveredBefore: T + 10 * BIN_MS,
    });
    expect(f.tg[DEMO.v2]?.requests).toEqual([100, 0]);
    expect(f.tg[DEMO.v2]?.errors5xx).toEqual([10, 0]);
    expect(f.tg[DEMO.v2]?.failures).toEqual({ '503 TargetUnavailable': [10, 0] });
    expect(f.tg[DEMO.v2]?.quantiles[0]).toEqual([20, 30, 40, 55]);
    expect(f.svc[DEMO.ledger]?.requests).toEqual([7, 0]);
  });

  it('principalOf folds assumed-role sessions into their role', () => {
    expect(principalOf('arn:aws:sts::333333333333:assumed-role/batch/i-0abc')).toBe(
      'arn:aws:iam::333333333333:role/batch',
    );
    expect(principalOf('Anonymous')).toBe('Anonymous');
    expect(principalOf('arn:aws:iam::333333333333:user/bob')).toBe('arn:aws:iam::333333333333:user/bob');
  });

  it('deliveredUntil: trailing bins still arriving are left out; a partial bin is judged pro rata', () => {
    const minutes = [0, 1, 2, 3, 4].map((i) => T + i * BIN_MS);
    const end = T + 5 * BIN_MS;
    expect(deliveredUntil(minutes, [100, 100, 100, 100, 100], 0, end)).toBe(end);
    expect(deliveredUntil(minutes, [100, 100, 100, 20, 0], 0, end)).toBe(T + 3 * BIN_MS);
    // Older than the ingestion delay: delivered whatever the count says.
    expect(deliveredUntil(minutes, [100, 100, 100, 20, 0], T + 4 * BIN_MS, end)).toBe(T + 4 * BIN_MS);
    // The last bin covers 20 s: 30 records of a 100-a-minute flow is delivered enough.
    expect(deliveredUntil(minutes, [100, 100, 100, 100, 30], 0, T + 4 * BIN_MS + 20_000)).toBe(T + 4 * BIN_MS + 20_000);
  });
});
