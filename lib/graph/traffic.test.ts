import { describe, expect, it } from 'vitest';
import { printQuery } from '../logs/query';
import { DEMO, HUB, PAY, demoLike } from './testing/fixtures';
import { foldTraffic, planTrafficQueries, TRAFFIC_QUERY, type TrafficQueryResult } from './traffic';

const snap = demoLike();
const [hubPlan, payPlan] = planTrafficQueries(snap);
const row = (log: string, svc: string, tg: string, code: string, n: number) => ({
  '@log': log,
  serviceArn: svc,
  targetGroupArn: tg,
  responseCode: code,
  n: String(n),
});
const MESH = `${HUB}:/aws/vpc-lattice/prod-mesh`;
const API = `${PAY}:/aws/vpc-lattice/payments-api`;

describe('planTrafficQueries', () => {
  it('plans one query per (account, region) with every log group there', () => {
    expect(planTrafficQueries(snap)).toEqual([
      { accountId: HUB, region: 'us-east-1', logGroupNames: ['/aws/vpc-lattice/prod-mesh'] },
      { accountId: PAY, region: 'us-east-1', logGroupNames: ['/aws/vpc-lattice/payments-api'] },
    ]);
  });

  it('merges log groups of one account and skips destinations Logs Insights cannot query', () => {
    const s = demoLike();
    s.accessLogSubscriptions.push({
      ...s.accessLogSubscriptions[1]!,
      arn: 'x',
      resourceArn: DEMO.ledger,
      destinationArn: `arn:aws:logs:us-east-1:${PAY}:log-group:/aws/vpc-lattice/ledger:*`,
    });
    s.accessLogSubscriptions.push({
      ...s.accessLogSubscriptions[1]!,
      arn: 'y',
      resourceArn: DEMO.ledger,
      destinationArn: 'arn:aws:s3:::lattice-logs',
    });
    expect(planTrafficQueries(s)).toEqual([
      { accountId: HUB, region: 'us-east-1', logGroupNames: ['/aws/vpc-lattice/prod-mesh'] },
      {
        accountId: PAY,
        region: 'us-east-1',
        logGroupNames: ['/aws/vpc-lattice/ledger', '/aws/vpc-lattice/payments-api'],
      },
    ]);
  });

  it('splits an account with many log groups into sets of at most 50 (the StartQuery limit)', () => {
    const s = demoLike();
    const base = s.accessLogSubscriptions[1]!;
    for (let i = 0; i < 120; i++)
      s.accessLogSubscriptions.push({
        ...base,
        arn: `x${i}`,
        resourceArn: DEMO.ledger,
        destinationArn: `arn:aws:logs:us-east-1:${PAY}:log-group:/aws/vpc-lattice/svc-${String(i).padStart(3, '0')}`,
      });
    const pay = planTrafficQueries(s).filter((p) => p.accountId === PAY);
    expect(pay.map((p) => p.logGroupNames.length)).toEqual([50, 50, 21]);
    expect(new Set(pay.flatMap((p) => p.logGroupNames)).size).toBe(121);
  });

  it('is one stats query grouped by log group, service, target group and response code', () => {
    expect(printQuery(TRAFFIC_QUERY)).toBe(
      'stats count(*) as n by @log, serviceArn, targetGroupArn, responseCode\n| limit 10000',
    );
  });
});

describe('foldTraffic', () => {
  const results: TrafficQueryResult[] = [
    {
      plan: hubPlan!,
      ok: true,
      rows: [
        row(MESH, DEMO.paymentsApi, DEMO.v1, '200', 90),
        row(MESH, DEMO.paymentsApi, DEMO.v1, '503', 10),
        row(MESH, DEMO.ledger, DEMO.ledgerTg, '200', 40),
        row(MESH, DEMO.ledger, '-', '403', 5),
        row(MESH, DEMO.ledger, DEMO.ledgerTg, '404', 3),
      ],
    },
    {
      plan: payPlan!,
      ok: true,
      rows: [
        row(API, DEMO.paymentsApi, DEMO.v1, '200', 95),
        row(API, DEMO.paymentsApi, DEMO.v1, '503', 10),
        row(API, DEMO.paymentsApi, DEMO.v2, '200', 7),
      ],
    },
  ];

  it('folds response codes into requests, 4xx, 5xx and 403 per service, target group and route', () => {
    const o = foldTraffic(snap, results, '15m', 0, 900_000);
    expect(o.services[DEMO.ledger]).toEqual({ requests: 48, c4xx: 8, c5xx: 0, c403: 5 });
    expect(o.targetGroups[DEMO.ledgerTg]).toEqual({ requests: 43, c4xx: 3, c5xx: 0, c403: 0 });
    expect(o.routes[`${DEMO.ledger}->${DEMO.ledgerTg}`]).toEqual({ requests: 43, c4xx: 3, c5xx: 0, c403: 0 });
    expect(o.targetGroups['-']).toBeUndefined();
  });

  it("counts a service from its own log group, not again from its network's", () => {
    const o = foldTraffic(snap, results, '15m', 0, 900_000);
    expect(o.services[DEMO.paymentsApi]).toEqual({ requests: 112, c4xx: 0, c5xx: 10, c403: 0 });
    expect(o.routes[`${DEMO.paymentsApi}->${DEMO.v2}`]?.requests).toBe(7);
  });

  it("falls back to the network's log group when the service's own query failed, and reports the failure", () => {
    const failed: TrafficQueryResult = {
      plan: payPlan!,
      ok: false,
      error: {
        code: 'ACCESS_DENIED',
        message: 'AccessDeniedException: not authorized to perform logs:StartQuery',
        retryable: false,
        account: PAY,
      },
    };
    const o = foldTraffic(snap, [results[0]!, failed], '15m', 0, 900_000);
    expect(o.services[DEMO.paymentsApi]).toEqual({ requests: 100, c4xx: 0, c5xx: 10, c403: 0 });
    expect(o.sources).toEqual([
      { ...hubPlan, ok: true },
      { ...payPlan, ok: false, error: failed.error },
    ]);
    expect(o.services[DEMO.ledger]?.requests).toBe(48);
  });

  it('ignores rows without a service or with a count that is not a positive number', () => {
    const o = foldTraffic(
      snap,
      [
        {
          plan: hubPlan!,
          ok: true,
          rows: [row(MESH, '-', '-', '400', 3), { ...row(MESH, DEMO.ledger, '-', '200', 1), n: 'x' }],
        },
      ],
      '15m',
      0,
      1,
    );
    expect(o.services).toEqual({});
  });
});
