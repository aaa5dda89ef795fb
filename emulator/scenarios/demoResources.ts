/**
 * The `demo` scenario's newer Lattice: VPC resources, TLS passthrough, custom domains and owned
 * resources. Built after the demo's traffic is attached (so the traffic of the original services and
 * its random draws stay exactly as they were) and given no traffic of its own:
 * - payments: a resource gateway with two resource configurations associated with `prod-mesh` — a
 *   database (DNS, TCP 5432, custom domain on a VERIFIED domain) and a legacy IP resource whose last
 *   update FAILED (with its reason) — a second domain verification still PENDING, and `card-vault`, a
 *   TLS passthrough service with a custom domain forwarding 90/10 to two TCP target groups;
 * - storefront: a VPC endpoint from its batch VPC into `prod-mesh` (a VPC reaches a second network
 *   that way), and a VPC endpoint to the shared database;
 * - `inventory-shop` (storefront) and its target groups, tagged as the EKS Gateway API controller tags
 *   what it manages (aws-application-networking-k8s), and `statements` (payments), created by a
 *   CloudFormation stack; both with a weighted rule. The stack's listener and rule carry its tags too
 *   (CloudFormation tags what it creates); the controller's carry none (the console infers them from the
 *   service: the controller owns the whole route).
 * No RESOURCE access-log subscription: the emulator writes no resource access logs (their field list
 * could not be confirmed), and an empty one would only add a log group to every network query.
 */
import type { Rng } from '../core/rng';
import { buildLattice, type AccountBuild, type TargetSpec } from '../lattice/build';
import { asAccount } from '../lattice/invoke';
import { connectEndpoint, setStatus } from '../lattice/outOfBand';
import type { EmulatorState } from '../state';

const REGION = 'us-east-1';
const PAYMENTS = '222222222222';
const STOREFRONT = '333333333333';
const HEX = '0123456789abcdef';
const EKS_TAG = 'application-networking.k8s.aws';

/** The VPCs of the demo this part uses. */
export interface DemoResourceVpcs {
  payments: string;
  storefront: string;
  storefrontBatch: string;
}

function ips(subnet: number, from: number, n: number, port?: number): TargetSpec[] {
  return Array.from({ length: n }, (_, i) => ({ id: `10.${subnet}.60.${from + i}`, ...(port ? { port } : {}) }));
}

function eksTags(vpcId: string): {
  service: Record<string, string>;
  group: (k8sService: string) => Record<string, string>;
} {
  const managedBy = { [`${EKS_TAG}/ManagedBy`]: `${STOREFRONT}/storefront-eks/${vpcId}` };
  const route = { [`${EKS_TAG}/RouteName`]: 'inventory', [`${EKS_TAG}/RouteNamespace`]: 'shop' };
  return {
    service: { ...managedBy, ...route, [`${EKS_TAG}/RouteType`]: 'http' },
    group: (k8sService) => ({
      ...managedBy,
      ...route,
      [`${EKS_TAG}/ClusterName`]: 'storefront-eks',
      [`${EKS_TAG}/ServiceName`]: k8sService,
      [`${EKS_TAG}/ServiceNamespace`]: 'shop',
      [`${EKS_TAG}/SourceTypeKey`]: 'HTTPRoute',
    }),
  };
}

function cfnTags(rng: Rng): (logicalId: string) => Record<string, string> {
  const uuid = [8, 4, 4, 4, 12].map((n) => rng.chars(n, HEX)).join('-');
  return (logicalId) => ({
    'aws:cloudformation:stack-name': 'payments-statements',
    'aws:cloudformation:stack-id': `arn:aws:cloudformation:${REGION}:${PAYMENTS}:stack/payments-statements/${uuid}`,
    'aws:cloudformation:logical-id': logicalId,
  });
}

function services(vpc: DemoResourceVpcs, rng: Rng): AccountBuild[] {
  const eks = eksTags(vpc.storefront);
  const cfn = cfnTags(rng);
  const k8sName = (svc: string) => `k8s-shop-${svc}-${rng.chars(10, 'abcdefghijklmnopqrstuvwxyz')}`;
  const v1 = k8sName('inventory-v1');
  const v2 = k8sName('inventory-v2');
  const tcp = { port: 8443, protocol: 'TCP', vpcIdentifier: vpc.payments };
  const http = (v: string) => ({ port: 8080, protocol: 'HTTP', vpcIdentifier: v });
  return [
    {
      accountId: PAYMENTS,
      targetGroups: [
        { name: 'card-vault-blue', type: 'IP', config: tcp, targets: ips(2, 10, 2), tags: { team: 'payments' } },
        { name: 'card-vault-green', type: 'IP', config: tcp, targets: ips(2, 20, 1), tags: { team: 'payments' } },
        {
          name: 'statements-blue',
          type: 'IP',
          config: http(vpc.payments),
          targets: ips(2, 30, 2),
          systemTags: cfn('BlueTargetGroup'),
        },
        {
          name: 'statements-green',
          type: 'IP',
          config: http(vpc.payments),
          targets: ips(2, 40, 2),
          systemTags: cfn('GreenTargetGroup'),
        },
      ],
      services: [
        {
          name: 'card-vault',
          customDomainName: 'vault.payments.example.com',
          tags: { team: 'payments' },
          networks: ['prod-mesh'],
          listeners: [
            {
              name: 'tls',
              protocol: 'TLS_PASSTHROUGH',
              port: 443,
              defaultAction: {
                forward: [
                  ['card-vault-blue', 90],
                  ['card-vault-green', 10],
                ],
              },
            },
          ],
        },
        {
          name: 'statements',
          tags: { team: 'payments' },
          systemTags: cfn('StatementsService'),
          networks: ['prod-mesh'],
          listeners: [
            {
              name: 'https',
              protocol: 'HTTPS',
              defaultAction: { forward: [['statements-blue', 100]] },
              systemTags: cfn('HttpsListener'),
              rules: [
                {
                  name: 'v2-weighted',
                  priority: 10,
                  systemTags: cfn('V2WeightedRule'),
                  match: { httpMatch: { pathMatch: { match: { prefix: '/v2/' } } } },
                  action: {
                    forward: [
                      ['statements-blue', 70],
                      ['statements-green', 30],
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    },
    {
      accountId: STOREFRONT,
      targetGroups: [
        { name: v1, type: 'IP', config: http(vpc.storefront), targets: ips(3, 10, 2), tags: eks.group('inventory-v1') },
        { name: v2, type: 'IP', config: http(vpc.storefront), targets: ips(3, 20, 2), tags: eks.group('inventory-v2') },
      ],
      services: [
        {
          name: 'inventory-shop',
          tags: eks.service,
          networks: ['prod-mesh'],
          listeners: [
            {
              name: 'inventory-shop-80-http',
              protocol: 'HTTP',
              defaultAction: { fixedResponse: 404 },
              rules: [
                {
                  name: 'inventory-shop-rule-1',
                  priority: 1,
                  match: { httpMatch: { pathMatch: { match: { prefix: '/' } } } },
                  action: {
                    forward: [
                      [v1, 80],
                      [v2, 20],
                    ],
                  },
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}

function fail(message: string | undefined): void {
  if (message) throw new Error(`demo resources: ${message}`);
}

/** Builds the resource gateway, configurations, endpoints, domains, TLS passthrough and owned services. */
export function addDemoResources(state: EmulatorState, vpc: DemoResourceVpcs, rng: Rng): void {
  const networks = new Map(state.lattice.all('servicenetwork', REGION).map((n) => [n.name, n.arn]));
  const prodMesh = networks.get('prod-mesh');
  if (!prodMesh) throw new Error('demo resources: no prod-mesh network');
  buildLattice(state, REGION, services(vpc, rng), networks);

  const payments = asAccount(state, PAYMENTS, REGION);
  const verified = payments('StartDomainVerification', {
    domainName: 'payments.example.com',
    tags: { team: 'payments' },
  });
  fail(setStatus(state.lattice, state.clock.now(), verified.arn as string, { status: 'VERIFIED' }));
  payments('StartDomainVerification', { domainName: 'vault.example.net', tags: { team: 'payments' } });
  const subnet = () => `subnet-${rng.chars(17, HEX)}`;
  const gw = payments('CreateResourceGateway', {
    name: 'payments-data-gw',
    vpcIdentifier: vpc.payments,
    subnetIds: [subnet(), subnet()],
    securityGroupIds: [`sg-${rng.chars(17, HEX)}`],
    ipAddressType: 'IPV4',
    tags: { team: 'payments' },
  });
  const db = payments('CreateResourceConfiguration', {
    name: 'orders-db',
    type: 'SINGLE',
    resourceGatewayIdentifier: gw.id,
    protocol: 'TCP',
    portRanges: ['5432'],
    resourceConfigurationDefinition: {
      dnsResource: {
        domainName:
          `orders-db.cluster-${rng.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}` + `.${REGION}.rds.amazonaws.com`,
        ipAddressType: 'IPV4',
      },
    },
    customDomainName: 'orders-db.payments.example.com',
    domainVerificationIdentifier: verified.id,
    tags: { team: 'payments', engine: 'postgres' },
  });
  const legacy = payments('CreateResourceConfiguration', {
    name: 'legacy-ledger',
    type: 'SINGLE',
    resourceGatewayIdentifier: gw.id,
    protocol: 'TCP',
    portRanges: ['1521'],
    resourceConfigurationDefinition: { ipResource: { ipAddress: '10.2.40.15' } },
    tags: { team: 'payments' },
  });
  for (const rc of [db, legacy])
    payments('CreateServiceNetworkResourceAssociation', {
      resourceConfigurationIdentifier: rc.id,
      serviceNetworkIdentifier: prodMesh,
    });
  fail(
    setStatus(state.lattice, state.clock.now(), legacy.arn as string, {
      status: 'UPDATE_FAILED',
      failureReason:
        'Resource gateway payments-data-gw could not reach 10.2.40.15:1521 from its subnets: ' +
        'the security group of the resource refuses connections from the gateway',
    }),
  );

  const now = state.clock.now();
  const storefrontBatch = { accountId: STOREFRONT, region: REGION, vpcId: vpc.storefrontBatch };
  const prodMeshId = state.lattice.byArn(prodMesh)?.record.id;
  const sne = connectEndpoint(state.lattice, rng, now, { ...storefrontBatch, serviceNetworkId: prodMeshId });
  if (typeof sne === 'string') fail(sne);
  state.lattice.share(db.arn as string, [STOREFRONT]);
  const rea = connectEndpoint(state.lattice, rng, now, {
    accountId: STOREFRONT,
    region: REGION,
    vpcId: vpc.storefront,
    resourceConfigurationId: db.id as string,
  });
  if (typeof rea === 'string') fail(rea);
}
