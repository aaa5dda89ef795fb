/**
 * Who calls what in the `demo` scenario (≈22 requests/s in all): workloads of the three accounts
 * call services from their VPCs, signed as sessions of their task roles, with a few unsigned
 * callers so the AWS_IAM network and services refuse something on their own. Paths and headers
 * exercise payments-api's rules (the x-debug header, POST /refund, the /v2/ 90/10 canary) and
 * billing-webhooks' fixed 404 for anything but POST.
 */
import type { Rng } from '../core/rng';
import type { CallerSpec, LatencySpec, RequestTemplate, TrafficProfile } from './types';

/** The VPCs of the demo world. */
export interface DemoVpcs {
  hubEdge: string;
  hubShared: string;
  payments: string;
  storefront: string;
  storefrontBatch: string;
}

const HUB = '111111111111';
const PAYMENTS = '222222222222';
const STOREFRONT = '333333333333';
const ORG = 'o-tr3ll1sd3m';
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;

/** The callers, with ECS-task-like session names drawn from `rng`. */
export function demoCallers(vpc: DemoVpcs, rng: Rng): CallerSpec[] {
  const tasks = (n: number) => Array.from({ length: n }, () => rng.chars(32, '0123456789abcdef'));
  const signed = (
    id: string,
    vpcId: string,
    account: string,
    subnet: string,
    userAgents: string[],
    n = 3,
  ): CallerSpec => ({
    id,
    vpcId,
    roleArn: role(account, id),
    sessions: tasks(n),
    orgId: ORG,
    subnet,
    hosts: 6,
    userAgents,
  });
  return [
    signed('edge-gateway', vpc.hubEdge, HUB, '10.1.16', ['Go-http-client/2.0', 'aws-sdk-go-v2/1.30.3']),
    { id: 'legacy-probe', vpcId: vpc.hubEdge, subnet: '10.1.17', hosts: 2, userAgents: ['curl/8.5.0'] },
    signed('platform-jobs', vpc.hubShared, HUB, '10.1.32', [
      'Boto3/1.34.84 md/Botocore#1.34.84',
      'python-requests/2.31.0',
    ]),
    signed('payments-api-task', vpc.payments, PAYMENTS, '10.2.16', ['okhttp/4.12.0']),
    signed('ledger-task', vpc.payments, PAYMENTS, '10.2.17', ['Java/17.0.9']),
    signed('checkout', vpc.storefront, STOREFRONT, '10.3.16', ['aws-sdk-js/3.600.0', 'node-fetch/1.0']),
    signed('storefront-web', vpc.storefront, STOREFRONT, '10.3.17', ['undici', 'aws-sdk-js/3.600.0'], 4),
    signed('batch-signed', vpc.storefrontBatch, STOREFRONT, '10.4.17', ['Boto3/1.34.84 md/Botocore#1.34.84'], 2),
    {
      id: 'batch-export',
      vpcId: vpc.storefrontBatch,
      subnet: '10.4.16',
      hosts: 3,
      userAgents: ['python-requests/2.31.0'],
    },
  ];
}

const get = (path: string, weight: number, headers?: Record<string, string>): RequestTemplate => ({
  weight,
  method: 'GET',
  path,
  ...(headers ? { headers } : {}),
});
const post = (path: string, weight: number): RequestTemplate => ({ weight, method: 'POST', path });
const del = (path: string, weight: number): RequestTemplate => ({ weight, method: 'DELETE', path });

/** Requests per service. */
export const DEMO_PROFILES: TrafficProfile[] = [
  {
    service: 'identity',
    rps: 2,
    callers: [
      ['edge-gateway', 4],
      ['checkout', 2],
      ['payments-api-task', 2],
      ['platform-jobs', 1],
      ['legacy-probe', 0.4],
    ],
    requests: [post('/oauth2/token', 3), get('/.well-known/jwks.json', 2), get('/userinfo', 2)],
  },
  {
    service: 'payments-api',
    rps: 4,
    callers: [
      ['checkout', 6],
      ['storefront-web', 2],
    ],
    requests: [
      get('/v1/payments/{id}', 4),
      post('/v1/payments', 2),
      get('/v2/payments/{id}', 2),
      post('/v2/payments', 1),
      post('/refund', 0.6),
      get('/v1/payments/{id}', 0.2, { 'x-debug': 'true' }),
      get('/healthz', 0.5),
    ],
  },
  {
    service: 'ledger',
    rps: 1.5,
    callers: [
      ['payments-api-task', 5],
      ['ledger-task', 1],
    ],
    requests: [get('/v1/accounts/{id}/balance', 3), post('/v1/entries', 2)],
  },
  {
    service: 'fraud-check',
    rps: 1,
    callers: [['payments-api-task', 1]],
    requests: [post('/v1/score', 1)],
    serverErrorRate: 0.005,
  },
  {
    service: 'refunds',
    rps: 1,
    callers: [
      ['checkout', 5],
      ['ledger-task', 0.5],
    ],
    requests: [post('/v1/refunds', 3), get('/v1/refunds/{id}', 2)],
  },
  {
    service: 'payouts',
    rps: 0.5,
    callers: [
      ['payments-api-task', 1],
      ['platform-jobs', 1],
    ],
    requests: [post('/v1/payouts', 1), get('/v1/payouts/{id}', 2)],
  },
  {
    service: 'catalog',
    rps: 2.5,
    callers: [
      ['storefront-web', 5],
      ['checkout', 1],
      ['batch-signed', 1],
      ['batch-export', 0.5],
    ],
    requests: [get('/api/v1/products/{id}', 5), get('/api/v1/categories', 1), get('/products/{id}', 1)],
  },
  {
    service: 'cart',
    rps: 1.5,
    callers: [['storefront-web', 1]],
    requests: [get('/cart/{id}', 3), post('/cart/items', 2), del('/cart/items/{id}', 0.5)],
  },
  {
    service: 'checkout',
    rps: 1.5,
    callers: [['storefront-web', 1]],
    requests: [post('/checkout', 2), get('/checkout/{id}/status', 1)],
  },
  {
    service: 'search',
    rps: 1.5,
    callers: [
      ['storefront-web', 4],
      ['batch-signed', 1],
    ],
    requests: [get('/search', 4), get('/suggest', 1)],
  },
  { service: 'recommendations', rps: 1, callers: [['storefront-web', 1]], requests: [get('/recommendations/{id}', 1)] },
  {
    service: 'reviews',
    rps: 0.5,
    callers: [['storefront-web', 1]],
    requests: [get('/reviews/{id}', 4), post('/reviews', 1)],
  },
  {
    service: 'feature-flags',
    rps: 2,
    callers: [
      ['platform-jobs', 2],
      ['batch-signed', 2],
      ['batch-export', 0.6],
    ],
    requests: [get('/flags', 3), get('/flags/{id}', 2)],
  },
  {
    service: 'billing-webhooks',
    rps: 0.5,
    callers: [
      ['platform-jobs', 1],
      ['batch-signed', 1],
    ],
    requests: [post('/webhooks/stripe', 3), get('/webhooks/status', 1)],
  },
  {
    service: 'images',
    rps: 1,
    callers: [
      ['batch-signed', 1],
      ['batch-export', 1],
    ],
    requests: [get('/img/{id}.jpg', 1)],
  },
];

/** Response times of the demo's target groups (others use the defaults of their type). */
export const DEMO_LATENCY: Record<string, LatencySpec> = {
  'identity-tg': { medianMs: 12, sigma: 0.5 },
  'payments-api-v1': { medianMs: 28, sigma: 0.6 },
  'payments-api-v2': { medianMs: 41, sigma: 0.75 },
  'fraud-check-fn': { medianMs: 85, sigma: 0.9 },
  'search-instances': { medianMs: 60, sigma: 0.8 },
  'images-alb': { medianMs: 35, sigma: 1 },
};
