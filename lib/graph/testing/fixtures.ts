/**
 * Snapshot fixtures for the graph pipeline's tests: a small world like the demo (a hub sharing a
 * network with two app accounts, a canary rule, unhealthy/draining targets, an unreachable account)
 * and a generator of fleet-sized worlds for the layout benchmark. Test-only.
 */
import type { ErrorInfo } from '../../domain/errors';
import { emptySnapshot, type Snapshot, type Target, type TargetGroupType } from '../../domain/snapshot';

export const HUB = '111111111111';
export const PAY = '222222222222';
export const SHOP = '333333333333';
const R = 'us-east-1';

/** A valid 17-character Lattice id suffix from a number. */
export function idOf(prefix: string, n: number): string {
  return `${prefix}-${n.toString(36).padStart(17, '0')}`;
}

/** ARN makers. */
export const arn = {
  network: (acct: string, n: number) => `arn:aws:vpc-lattice:${R}:${acct}:servicenetwork/${idOf('sn', n)}`,
  service: (acct: string, n: number) => `arn:aws:vpc-lattice:${R}:${acct}:service/${idOf('svc', n)}`,
  listener: (svcArn: string, n: number) => `${svcArn}/listener/${idOf('listener', n)}`,
  rule: (listenerArn: string, n: number) => `${listenerArn}/rule/${idOf('rule', n)}`,
  tg: (acct: string, n: number) => `arn:aws:vpc-lattice:${R}:${acct}:targetgroup/${idOf('tg', n)}`,
  sna: (acct: string, n: number) =>
    `arn:aws:vpc-lattice:${R}:${acct}:servicenetworkserviceassociation/${idOf('snsa', n)}`,
  snva: (acct: string, n: number) => `arn:aws:vpc-lattice:${R}:${acct}:servicenetworkvpcassociation/${idOf('snva', n)}`,
  als: (acct: string, n: number) => `arn:aws:vpc-lattice:${R}:${acct}:accesslogsubscription/${idOf('als', n)}`,
};

const idFromArn = (a: string) => a.slice(a.lastIndexOf('/') + 1);
const base = (a: string, accountId: string) => ({ arn: a, id: idFromArn(a), accountId, region: R });
const healthy = (n: number, prefix: string): Target[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}.${i + 1}`, port: 8080, status: 'HEALTHY' }));

/** The ARNs of `demoLike()`, for assertions. */
export const DEMO = {
  mesh: arn.network(HUB, 1),
  identity: arn.service(HUB, 1),
  identityTg: arn.tg(HUB, 1),
  paymentsApi: arn.service(PAY, 2),
  v1: arn.tg(PAY, 2),
  v2: arn.tg(PAY, 3),
  ledger: arn.service(PAY, 3),
  ledgerTg: arn.tg(PAY, 4),
  reco: arn.service(SHOP, 4),
  recoTg: arn.tg(SHOP, 5),
  webhooks: arn.service(PAY, 5),
  unusedTg: arn.tg(PAY, 6),
};

/** A small demo-like world; `storefrontDenied` makes account 333… unreachable. */
export function demoLike(opts: { storefrontDenied?: ErrorInfo } = {}): Snapshot {
  const s = emptySnapshot(1_000);
  s.accounts = [
    { accountId: HUB, name: 'network-hub', regions: [R], reachable: true, fetchedAt: 1_000 },
    { accountId: PAY, name: 'payments', regions: [R], reachable: true, fetchedAt: 2_000 },
    {
      accountId: SHOP,
      name: 'storefront',
      regions: [R],
      reachable: !opts.storefrontDenied,
      fetchedAt: 3_000,
      ...(opts.storefrontDenied ? { error: opts.storefrontDenied } : {}),
    },
  ];
  s.serviceNetworks = [
    { ...base(DEMO.mesh, HUB), name: 'prod-mesh', authType: 'AWS_IAM', visibleTo: [HUB, PAY, SHOP] },
  ];
  s.services = [
    {
      ...base(DEMO.identity, HUB),
      name: 'identity',
      authType: 'NONE',
      status: 'ACTIVE',
      dnsName: 'identity.lattice.example',
      visibleTo: [HUB],
    },
    {
      ...base(DEMO.paymentsApi, PAY),
      name: 'payments-api',
      authType: 'AWS_IAM',
      status: 'ACTIVE',
      dnsName: 'payments-api.lattice.example',
      visibleTo: [PAY],
    },
    { ...base(DEMO.ledger, PAY), name: 'ledger', authType: 'NONE', status: 'ACTIVE', visibleTo: [PAY] },
    { ...base(DEMO.webhooks, PAY), name: 'billing-webhooks', authType: 'NONE', status: 'ACTIVE', visibleTo: [PAY] },
    ...(opts.storefrontDenied
      ? []
      : [
          {
            ...base(DEMO.reco, SHOP),
            name: 'recommendations',
            authType: 'NONE' as const,
            status: 'ACTIVE',
            visibleTo: [SHOP],
          },
        ]),
  ];
  const assoc = (n: number, acct: string, svc: string) => ({
    ...base(arn.sna(acct, n), acct),
    serviceNetworkArn: DEMO.mesh,
    serviceArn: svc,
    status: 'ACTIVE',
  });
  s.serviceAssociations = [
    assoc(1, HUB, DEMO.identity),
    assoc(2, PAY, DEMO.paymentsApi),
    assoc(3, PAY, DEMO.ledger),
    ...(opts.storefrontDenied ? [] : [assoc(4, SHOP, DEMO.reco)]),
  ];
  s.vpcAssociations = [
    { ...base(arn.snva(HUB, 1), HUB), serviceNetworkArn: DEMO.mesh, vpcId: 'vpc-0000000000000000a', status: 'ACTIVE' },
    { ...base(arn.snva(PAY, 2), PAY), serviceNetworkArn: DEMO.mesh, vpcId: 'vpc-0000000000000000b', status: 'ACTIVE' },
  ];
  const l = (svc: string, acct: string, n: number, name: string, tg: string) => ({
    ...base(arn.listener(svc, n), acct),
    serviceArn: svc,
    name,
    protocol: 'HTTPS',
    port: 443,
    defaultAction: { type: 'forward' as const, targetGroups: [{ targetGroupArn: tg, weight: 100 }] },
  });
  const apiListener = l(DEMO.paymentsApi, PAY, 2, 'https', DEMO.v1);
  s.listeners = [
    l(DEMO.identity, HUB, 1, 'https', DEMO.identityTg),
    apiListener,
    l(DEMO.ledger, PAY, 3, 'http', DEMO.ledgerTg),
    ...(opts.storefrontDenied ? [] : [l(DEMO.reco, SHOP, 4, 'http', DEMO.recoTg)]),
  ];
  s.listeners.push({
    ...base(arn.listener(DEMO.webhooks, 5), PAY),
    serviceArn: DEMO.webhooks,
    name: 'http',
    protocol: 'HTTP',
    port: 80,
    defaultAction: { type: 'fixedResponse', statusCode: 404 },
  });
  s.rules = [
    {
      ...base(arn.rule(apiListener.arn, 1), PAY),
      serviceArn: DEMO.paymentsApi,
      listenerArn: apiListener.arn,
      name: 'v2-canary',
      isDefault: false,
      priority: 30,
      match: { path: { type: 'prefix', value: '/v2/', caseSensitive: false }, headers: [] },
      action: {
        type: 'forward',
        targetGroups: [
          { targetGroupArn: DEMO.v1, weight: 90 },
          { targetGroupArn: DEMO.v2, weight: 10 },
        ],
      },
    },
  ];
  const tg = (a: string, acct: string, name: string, type: TargetGroupType, services: string[]) => ({
    ...base(a, acct),
    name,
    type,
    port: 8080,
    protocol: 'HTTP',
    status: 'ACTIVE',
    serviceArns: services,
  });
  s.targetGroups = [
    tg(DEMO.identityTg, HUB, 'identity-tg', 'IP', [DEMO.identity]),
    tg(DEMO.v1, PAY, 'payments-api-v1', 'IP', [DEMO.paymentsApi]),
    tg(DEMO.v2, PAY, 'payments-api-v2', 'IP', [DEMO.paymentsApi]),
    tg(DEMO.ledgerTg, PAY, 'ledger-instances', 'INSTANCE', [DEMO.ledger]),
    tg(DEMO.unusedTg, PAY, 'spare-tg', 'IP', []),
    ...(opts.storefrontDenied ? [] : [tg(DEMO.recoTg, SHOP, 'recommendations-tg', 'IP', [DEMO.reco])]),
  ];
  s.targets = {
    [DEMO.identityTg]: healthy(3, '10.1.0'),
    [DEMO.v1]: healthy(3, '10.2.0'),
    [DEMO.v2]: healthy(2, '10.2.1'),
    [DEMO.ledgerTg]: [
      ...healthy(2, '10.2.2'),
      { id: 'i-bad1', status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
      { id: 'i-bad2', status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' },
    ],
    [DEMO.unusedTg]: [{ id: '10.2.9.1', port: 8080, status: 'UNUSED', reasonCode: 'Target.NotInUse' }],
    ...(opts.storefrontDenied
      ? {}
      : {
          [DEMO.recoTg]: [
            ...healthy(2, '10.3.0'),
            { id: '10.3.0.9', port: 8080, status: 'DRAINING' as const, reasonCode: 'Target.DeregistrationInProgress' },
          ],
        }),
  };
  s.accessLogSubscriptions = [
    {
      ...base(arn.als(HUB, 1), HUB),
      resourceArn: DEMO.mesh,
      destinationArn: `arn:aws:logs:${R}:${HUB}:log-group:/aws/vpc-lattice/prod-mesh`,
    },
    {
      ...base(arn.als(PAY, 2), PAY),
      resourceArn: DEMO.paymentsApi,
      destinationArn: `arn:aws:logs:${R}:${PAY}:log-group:/aws/vpc-lattice/payments-api`,
    },
  ];
  if (opts.storefrontDenied) s.problems = [{ accountId: SHOP, operation: 'AssumeRole', error: opts.storefrontDenied }];
  return s;
}
