import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain/snapshot';
import { vpcEndpointAssociationKey } from '../domain/vpcResources';
import { buildGraph } from './build';
import { definitionText, statusHealth } from './buildResources';
import { EMPTY_FILTER, matchNodes, networkReach } from './filter';
import { columnX } from './layoutInput';
import { DEMO, demoLike, idOf, PAY, SHOP } from './testing/fixtures';
import type { GraphNode } from './types';

const R = 'us-east-1';
const lattice = (acct: string, kind: string, id: string) => `arn:aws:vpc-lattice:${R}:${acct}:${kind}/${id}`;
const GW = lattice(PAY, 'resourcegateway', idOf('rgw', 1));
const DB = lattice(PAY, 'resourceconfiguration', idOf('rcfg', 1));
const LEDGER = lattice(PAY, 'resourceconfiguration', idOf('rcfg', 2));
const VERIFIED = lattice(PAY, 'domainverification', idOf('dv', 1));
const PENDING = lattice(PAY, 'domainverification', idOf('dv', 2));
const base = (arn: string, accountId = PAY) => ({ arn, id: arn.slice(arn.lastIndexOf('/') + 1), accountId, region: R });

function withResources(): Snapshot {
  const s = demoLike();
  s.resourceGateways = [
    { ...base(GW), name: 'data-gw', status: 'ACTIVE', vpcId: 'vpc-9', subnetIds: ['subnet-1'], securityGroupIds: [] },
  ];
  s.resourceConfigurations = [
    {
      ...base(DB),
      name: 'orders-db',
      type: 'SINGLE',
      status: 'ACTIVE',
      resourceGatewayId: idOf('rgw', 1),
      protocol: 'TCP',
      portRanges: ['5432'],
      definition: { kind: 'dns', domainName: 'orders.cluster.rds.amazonaws.com' },
      customDomainName: 'orders-db.payments.example.com',
      domainVerificationId: idOf('dv', 1),
      visibleTo: [PAY, SHOP],
    },
    {
      ...base(LEDGER),
      name: 'legacy-ledger',
      type: 'SINGLE',
      status: 'UPDATE_FAILED',
      failureReason: 'security group refuses the gateway',
      resourceGatewayId: idOf('rgw', 1),
      definition: { kind: 'ip', ipAddress: '10.2.40.15' },
      visibleTo: [PAY],
    },
  ];
  s.resourceAssociations = [
    {
      ...base(lattice(PAY, 'servicenetworkresourceassociation', idOf('snra', 1))),
      serviceNetworkArn: DEMO.mesh,
      resourceConfigurationArn: DB,
      status: 'ACTIVE',
    },
    {
      ...base(lattice(PAY, 'servicenetworkresourceassociation', idOf('snra', 2))),
      serviceNetworkArn: DEMO.mesh,
      resourceConfigurationArn: LEDGER,
      status: 'CREATE_FAILED',
      failureCode: 'InsufficientCapacity',
    },
  ];
  s.vpcEndpointAssociations = [
    {
      arn: vpcEndpointAssociationKey(DEMO.mesh, 'vpce-1'),
      id: 'snea-1',
      accountId: SHOP,
      region: R,
      serviceNetworkArn: DEMO.mesh,
      vpcEndpointId: 'vpce-1',
      vpcId: 'vpc-batch',
    },
  ];
  s.domainVerifications = [
    { ...base(VERIFIED), domainName: 'payments.example.com', status: 'VERIFIED' },
    { ...base(PENDING), domainName: 'vault.example.net', status: 'PENDING', txtName: '_v.vault', txtValue: 'x=1' },
  ];
  s.services = s.services.map((x) =>
    x.arn === DEMO.paymentsApi ? { ...x, customDomainName: 'api.payments.example.com' } : x,
  );
  s.listeners = s.listeners.map((l) => (l.serviceArn === DEMO.ledger ? { ...l, protocol: 'TLS_PASSTHROUGH' } : l));
  return s;
}

const node = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);

describe('VPC resources on the graph', () => {
  const g = buildGraph(withResources());
  const edges = (kind: string) => g.edges.filter((e) => e.kind === kind).map((e) => [e.source, e.target]);

  it('draws network → configuration → gateway, with the gateway counting its configurations', () => {
    expect(edges('resourceAssociation')).toEqual(expect.arrayContaining([[DEMO.mesh, DB]]));
    expect(edges('resourceGateway')).toEqual(
      expect.arrayContaining([
        [DB, GW],
        [LEDGER, GW],
      ]),
    );
    expect(node(g.nodes, GW)).toMatchObject({ kind: 'resourceGateway', configCount: 2, health: 'ok' });
    expect(node(g.nodes, DB)).toMatchObject({ kind: 'resourceConfig', health: 'ok', ports: 'TCP 5432' });
    expect(networkReach(g, [DEMO.mesh]).has(GW)).toBe(true);
  });

  it('makes a failed configuration and a failed association red, with their reasons', () => {
    const ledger = node(g.nodes, LEDGER)!;
    expect(ledger.health).toBe('error');
    expect(ledger.badges.map((b) => b.title)).toEqual(
      expect.arrayContaining([
        'UPDATE_FAILED: security group refuses the gateway',
        expect.stringContaining('CREATE_FAILED (InsufficientCapacity)'),
      ]),
    );
    // The "Failing" filter and search find it.
    expect(matchNodes(g, { ...EMPTY_FILTER, health: ['error'] }).has(LEDGER)).toBe(true);
    expect(matchNodes(g, { ...EMPTY_FILTER, health: ['error'] }).has(DB)).toBe(false);
    expect([...matchNodes(g, { ...EMPTY_FILTER, q: '10.2.40.15' })]).toEqual([LEDGER]);
  });

  it('draws a VPC endpoint into a network as VPC → network, on the endpoint owner’s VPC', () => {
    expect(edges('endpointAssociation')).toEqual([['vpc:vpc-batch', DEMO.mesh]]);
    expect(node(g.nodes, 'vpc:vpc-batch')).toMatchObject({ accountId: SHOP, networkArns: [DEMO.mesh] });
    expect(networkReach(g, [DEMO.mesh]).has('vpc:vpc-batch')).toBe(true);
  });

  it('links domains to the configurations and services they cover; PENDING is amber with the TXT record', () => {
    expect(edges('domain')).toEqual(
      expect.arrayContaining([
        [VERIFIED, DB],
        [VERIFIED, DEMO.paymentsApi],
      ]),
    );
    expect(edges('domain').filter(([s]) => s === PENDING)).toEqual([]);
    expect(node(g.nodes, PENDING)).toMatchObject({ health: 'warn', txtName: '_v.vault', txtValue: 'x=1' });
    expect(node(g.nodes, VERIFIED)?.health).toBe('ok');
    expect([...matchNodes(g, { ...EMPTY_FILTER, q: 'vault.example.net' })]).toEqual([PENDING]);
  });

  it('marks TLS passthrough and custom domains on service cards', () => {
    const ledger = node(g.nodes, DEMO.ledger);
    expect(ledger?.badges[0]).toMatchObject({ kind: 'info', text: 'TLS passthrough' });
    expect(node(g.nodes, DEMO.paymentsApi)).toMatchObject({ customDomainName: 'api.payments.example.com' });
  });

  it('adds nothing to a snapshot without VPC resources', () => {
    const plain = buildGraph(demoLike());
    expect(plain.nodes.some((n) => n.kind === 'resourceConfig' || n.kind === 'domain')).toBe(false);
  });
});

describe('status health and definitions', () => {
  it('reads lifecycle states', () => {
    expect(
      ['ACTIVE', 'VERIFIED', 'CREATE_FAILED', 'UPDATE_IN_PROGRESS', 'PENDING', 'VERIFICATION_TIMED_OUT'].map(
        statusHealth,
      ),
    ).toEqual(['ok', 'ok', 'error', 'warn', 'warn', 'error']);
    expect(statusHealth(undefined)).toBe('unknown');
  });

  it('words each definition', () => {
    expect(definitionText({ kind: 'arn', arn: 'arn:aws:rds:x' })).toBe('arn:aws:rds:x');
    expect(definitionText({ kind: 'cidr', cidrRanges: ['10.0.0.0/24', '10.1.0.0/24'] })).toBe(
      '10.0.0.0/24, 10.1.0.0/24',
    );
    expect(definitionText(undefined)).toBeUndefined();
  });

  it('draws configurations in the service column and gateways in the target-group column', () => {
    const x = columnX();
    expect(x.resourceConfig).toBe(x.service);
    expect(x.resourceGateway).toBe(x.targetGroup);
    expect(x.domain).toBe(x.network);
    expect(x.target).toBeGreaterThan(x.targetGroup);
  });
});
