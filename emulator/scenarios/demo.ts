/**
 * The `demo` scenario: a network hub account sharing two service networks with a payments and a
 * storefront account, 15 services across the three, every target-group type, HTTP and HTTPS
 * listeners, rules on path, header and method (including a 90/10 canary), unhealthy, draining and
 * initial targets, VPC associations and access-log subscriptions (and, in demoResources.ts, resource
 * gateways and configurations, VPC endpoints, TLS passthrough, domains, EKS- and CloudFormation-owned
 * services). Built through the Lattice API
 * handlers (lattice/build.ts), deterministic under the seed. Then its simulated traffic: log groups,
 * hours of backfilled history with past incidents, and live requests (traffic/demoTraffic.ts).
 */
import { buildLattice, type AccountBuild, type TargetGroupSpec, type TargetSpec } from '../lattice/build';
import type { Rng } from '../core/rng';
import type { EmulatorState } from '../state';
import { addDemoTraffic } from '../traffic/demoTraffic';
import { addAccounts, STANDARD_ACCOUNTS } from './accounts';
import { addDemoResources } from './demoResources';

const REGION = 'us-east-1';
const HUB = '111111111111';
const PAYMENTS = '222222222222';
const STOREFRONT = '333333333333';
const HEX = '0123456789abcdef';

const logGroup = (account: string, name: string) =>
  `arn:aws:logs:${REGION}:${account}:log-group:/aws/vpc-lattice/${name}`;
const lambda = (account: string, name: string) => `arn:aws:lambda:${REGION}:${account}:function:${name}`;
const rootOf = (account: string) => `arn:aws:iam::${account}:root`;

/** Makes ids and addresses from the world's generator, so the demo is the same under a seed. */
function makers(rng: Rng) {
  let host = 10;
  return {
    vpc: () => `vpc-${rng.chars(17, HEX)}`,
    ips: (subnet: number, n: number, port?: number): TargetSpec[] =>
      Array.from({ length: n }, () => ({
        id: `10.${subnet}.${Math.floor(host / 250)}.${(host++ % 250) + 1}`,
        ...(port ? { port } : {}),
      })),
    instances: (n: number): TargetSpec[] => Array.from({ length: n }, () => ({ id: `i-${rng.chars(17, HEX)}` })),
    alb: (account: string, name: string) =>
      `arn:aws:elasticloadbalancing:${REGION}:${account}:loadbalancer/app/${name}/${rng.chars(16, HEX)}`,
  };
}

function ipGroup(
  name: string,
  vpc: string,
  targets: TargetSpec[],
  extra: Partial<TargetGroupSpec> = {},
): TargetGroupSpec {
  return { name, type: 'IP', config: { port: 8080, protocol: 'HTTP', vpcIdentifier: vpc }, targets, ...extra };
}

const fwd = (name: string) => ({ forward: [[name, 100]] as Array<[string, number]> });
const force = (targets: TargetSpec[], status: TargetSpec['force']) => targets.map((t) => ({ ...t, force: status }));

/** Builds the demo world (params: see traffic/demoTraffic.ts). */
export function demoScenario(state: EmulatorState, params: Record<string, unknown> = {}): void {
  addAccounts(state, STANDARD_ACCOUNTS);
  const m = makers(state.rng.fork('demo'));
  const vpc = {
    hubEdge: m.vpc(),
    hubShared: m.vpc(),
    payments: m.vpc(),
    storefront: m.vpc(),
    storefrontBatch: m.vpc(),
  };
  const allAccounts = {
    Effect: 'Allow',
    Principal: { AWS: [HUB, PAYMENTS, STOREFRONT].map(rootOf) },
    Action: 'vpc-lattice-svcs:Invoke',
    Resource: '*',
  };

  const hub: AccountBuild = {
    accountId: HUB,
    networks: [
      {
        name: 'prod-mesh',
        authType: 'AWS_IAM',
        authPolicy: { Version: '2012-10-17', Statement: [allAccounts] },
        shareWith: [PAYMENTS, STOREFRONT],
        accessLogDestination: logGroup(HUB, 'prod-mesh'),
        tags: { env: 'prod' },
      },
      {
        name: 'shared-services',
        shareWith: [PAYMENTS, STOREFRONT],
        accessLogDestination: logGroup(HUB, 'shared-services'),
        tags: { env: 'shared' },
      },
    ],
    targetGroups: [
      {
        name: 'identity-tg',
        type: 'IP',
        config: { port: 8443, protocol: 'HTTPS', vpcIdentifier: vpc.hubEdge },
        targets: m.ips(1, 3),
      },
      { name: 'feature-flags-fn', type: 'LAMBDA', targets: [{ id: lambda(HUB, 'feature-flags') }] },
    ],
    services: [
      {
        name: 'identity',
        tags: { team: 'platform' },
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('identity-tg') }],
        networks: ['prod-mesh', 'shared-services'],
      },
      // IAM auth inside an open network: unsigned batch jobs get 403 with resolvedUser "Anonymous".
      {
        name: 'feature-flags',
        authType: 'AWS_IAM',
        authPolicy: { Version: '2012-10-17', Statement: [allAccounts] },
        tags: { team: 'platform' },
        listeners: [{ name: 'http', protocol: 'HTTP', defaultAction: fwd('feature-flags-fn') }],
        networks: ['shared-services'],
      },
    ],
    vpcAssociations: [
      { network: 'prod-mesh', vpcId: vpc.hubEdge },
      { network: 'shared-services', vpcId: vpc.hubShared },
    ],
  };

  const ledgerTargets = m.instances(4);
  const payments: AccountBuild = {
    accountId: PAYMENTS,
    targetGroups: [
      ipGroup('payments-api-v1', vpc.payments, m.ips(2, 3)),
      ipGroup('payments-api-v2', vpc.payments, m.ips(2, 2), { tags: { canary: 'v2' } }),
      ipGroup('payments-api-debug', vpc.payments, m.ips(2, 1)),
      ipGroup('refunds-tg', vpc.payments, m.ips(2, 2)),
      {
        name: 'ledger-instances',
        type: 'INSTANCE',
        config: {
          port: 8080,
          protocol: 'HTTP',
          vpcIdentifier: vpc.payments,
          healthCheck: { path: '/healthz', healthCheckIntervalSeconds: 10, healthyThresholdCount: 3 },
        },
        targets: [
          ...ledgerTargets.slice(0, 2),
          ...force(ledgerTargets.slice(2), { status: 'UNHEALTHY', reasonCode: 'HealthCheckFailed' }),
        ],
      },
      {
        name: 'fraud-check-fn',
        type: 'LAMBDA',
        config: { lambdaEventStructureVersion: 'V2' },
        targets: [{ id: lambda(PAYMENTS, 'fraud-check') }],
      },
      {
        name: 'payouts-alb',
        type: 'ALB',
        config: { port: 443, protocol: 'HTTPS', vpcIdentifier: vpc.payments },
        targets: [{ id: m.alb(PAYMENTS, 'payouts'), port: 443 }],
      },
      ipGroup('billing-webhooks-tg', vpc.payments, m.ips(2, 2)),
    ],
    services: [
      {
        name: 'payments-api',
        tags: { team: 'payments' },
        networks: ['prod-mesh'],
        accessLogDestination: logGroup(PAYMENTS, 'payments-api'),
        listeners: [
          {
            name: 'https',
            protocol: 'HTTPS',
            defaultAction: fwd('payments-api-v1'),
            rules: [
              {
                name: 'debug-header',
                priority: 10,
                match: { httpMatch: { headerMatches: [{ name: 'x-debug', match: { exact: 'true' } }] } },
                action: fwd('payments-api-debug'),
              },
              {
                name: 'refund-post',
                priority: 20,
                match: { httpMatch: { method: 'POST', pathMatch: { match: { exact: '/refund' } } } },
                action: fwd('refunds-tg'),
              },
              {
                name: 'v2-canary',
                priority: 30,
                match: { httpMatch: { pathMatch: { match: { prefix: '/v2/' } } } },
                action: {
                  forward: [
                    ['payments-api-v1', 90],
                    ['payments-api-v2', 10],
                  ],
                },
              },
            ],
          },
        ],
      },
      {
        name: 'ledger',
        tags: { team: 'payments' },
        networks: ['prod-mesh'],
        listeners: [{ name: 'http', protocol: 'HTTP', defaultAction: fwd('ledger-instances') }],
      },
      {
        name: 'fraud-check',
        tags: { team: 'risk' },
        networks: ['prod-mesh'],
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('fraud-check-fn') }],
      },
      {
        name: 'refunds',
        authType: 'AWS_IAM',
        authPolicy: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: [`arn:aws:iam::${STOREFRONT}:role/checkout`] },
              Action: 'vpc-lattice-svcs:Invoke',
              Resource: '*',
            },
          ],
        },
        tags: { team: 'payments' },
        networks: ['prod-mesh'],
        accessLogDestination: logGroup(PAYMENTS, 'refunds'),
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('refunds-tg') }],
      },
      {
        name: 'payouts',
        tags: { team: 'payments' },
        networks: ['prod-mesh', 'shared-services'],
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('payouts-alb') }],
      },
      {
        name: 'billing-webhooks',
        tags: { team: 'billing' },
        networks: ['shared-services'],
        listeners: [
          {
            name: 'http',
            protocol: 'HTTP',
            defaultAction: { fixedResponse: 404 },
            rules: [
              {
                name: 'post-only',
                priority: 10,
                match: { httpMatch: { method: 'POST' } },
                action: fwd('billing-webhooks-tg'),
              },
            ],
          },
        ],
      },
    ],
    vpcAssociations: [{ network: 'prod-mesh', vpcId: vpc.payments }],
  };

  const recoTargets = m.ips(3, 4);
  const reviewTargets = m.ips(3, 3);
  const storefront: AccountBuild = {
    accountId: STOREFRONT,
    targetGroups: [
      ipGroup('catalog-tg', vpc.storefront, m.ips(3, 3)),
      ipGroup('cart-tg', vpc.storefront, m.ips(3, 2)),
      ipGroup('checkout-tg', vpc.storefront, m.ips(3, 3)),
      {
        name: 'search-instances',
        type: 'INSTANCE',
        config: { port: 9200, protocol: 'HTTP', vpcIdentifier: vpc.storefront },
        targets: m.instances(3),
      },
      ipGroup('recommendations-tg', vpc.storefront, [
        ...recoTargets.slice(0, 2),
        ...force(recoTargets.slice(2), { status: 'DRAINING', reasonCode: 'Target.DeregistrationInProgress' }),
      ]),
      {
        name: 'images-alb',
        type: 'ALB',
        config: { port: 80, protocol: 'HTTP', vpcIdentifier: vpc.storefront },
        targets: [{ id: m.alb(STOREFRONT, 'images'), port: 80 }],
      },
      ipGroup('reviews-tg', vpc.storefront, [
        reviewTargets[0]!,
        ...force(reviewTargets.slice(1), { status: 'INITIAL', reasonCode: 'Elb.RegistrationInProgress' }),
      ]),
    ],
    services: [
      {
        name: 'catalog',
        tags: { team: 'storefront' },
        networks: ['prod-mesh', 'shared-services'],
        listeners: [
          {
            name: 'http',
            protocol: 'HTTP',
            defaultAction: fwd('catalog-tg'),
            rules: [
              {
                name: 'api-v1',
                priority: 5,
                match: { httpMatch: { pathMatch: { match: { prefix: '/api/v1/' }, caseSensitive: true } } },
                action: fwd('catalog-tg'),
              },
            ],
          },
        ],
      },
      {
        name: 'cart',
        tags: { team: 'storefront' },
        networks: ['prod-mesh'],
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('cart-tg') }],
      },
      {
        name: 'checkout',
        tags: { team: 'storefront' },
        networks: ['prod-mesh'],
        accessLogDestination: logGroup(STOREFRONT, 'checkout'),
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('checkout-tg') }],
      },
      {
        name: 'search',
        tags: { team: 'discovery' },
        networks: ['prod-mesh', 'shared-services'],
        listeners: [{ name: 'http', protocol: 'HTTP', defaultAction: fwd('search-instances') }],
      },
      {
        name: 'recommendations',
        tags: { team: 'discovery' },
        networks: ['prod-mesh'],
        listeners: [{ name: 'http', protocol: 'HTTP', defaultAction: fwd('recommendations-tg') }],
      },
      {
        name: 'images',
        tags: { team: 'storefront' },
        networks: ['shared-services'],
        listeners: [{ name: 'http', protocol: 'HTTP', defaultAction: fwd('images-alb') }],
      },
      {
        name: 'reviews',
        tags: { team: 'storefront' },
        networks: ['prod-mesh'],
        listeners: [{ name: 'https', protocol: 'HTTPS', defaultAction: fwd('reviews-tg') }],
      },
    ],
    vpcAssociations: [
      { network: 'prod-mesh', vpcId: vpc.storefront },
      { network: 'shared-services', vpcId: vpc.storefrontBatch },
    ],
  };

  buildLattice(state, REGION, [hub, payments, storefront]);
  addDemoTraffic(state, vpc, state.rng.fork('demo-traffic'), params);
  // After the traffic, so that what is added never changes the traffic of the services above.
  addDemoResources(state, vpc, state.rng.fork('demo-resources'));
}
