import { describe, expect, it } from 'vitest';
import { buildGraph } from './build';
import { DEMO, HUB, PAY, SHOP, demoLike } from './testing/fixtures';
import type { GraphNode, ServiceNode, TargetGroupNode } from './types';

const byId = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);

describe('buildGraph', () => {
  const g = buildGraph(demoLike());

  it('has one node per resource, ids are ARNs, owners are the accounts in the ARNs', () => {
    const svc = byId(g.nodes, DEMO.paymentsApi);
    expect(svc).toMatchObject({ kind: 'service', label: 'payments-api', accountId: PAY });
    expect(byId(g.nodes, DEMO.mesh)).toMatchObject({ kind: 'network', accountId: HUB });
    expect(g.nodes.filter((n) => n.id === DEMO.mesh)).toHaveLength(1);
    expect(byId(g.nodes, 'vpc:vpc-0000000000000000b')).toMatchObject({
      kind: 'vpc',
      accountId: PAY,
      networkArns: [DEMO.mesh],
    });
  });

  it('groups nodes by configured account, in the snapshot order', () => {
    expect(g.groups.map((x) => [x.accountId, x.name, x.reachable])).toEqual([
      [HUB, 'network-hub', true],
      [PAY, 'payments', true],
      [SHOP, 'storefront', true],
    ]);
  });

  it('draws association edges VPC → network → service', () => {
    const kinds = (k: string) => g.edges.filter((e) => e.kind === k).map((e) => [e.source, e.target]);
    expect(kinds('vpcAssociation')).toContainEqual(['vpc:vpc-0000000000000000a', DEMO.mesh]);
    expect(kinds('serviceAssociation')).toContainEqual([DEMO.mesh, DEMO.paymentsApi]);
    expect(kinds('serviceAssociation')).toHaveLength(4);
  });

  it('has one route edge per (service, target group) listing each rule with its share', () => {
    const v1 = g.edges.find((e) => e.source === DEMO.paymentsApi && e.target === DEMO.v1)!;
    const v2 = g.edges.find((e) => e.source === DEMO.paymentsApi && e.target === DEMO.v2)!;
    expect(v1.routes).toEqual([
      expect.objectContaining({ ruleName: 'v2-canary', match: '/v2/*', weight: 90, share: 0.9, priority: 30 }),
      expect.objectContaining({ ruleName: 'default', isDefault: true, match: 'default', weight: 100, share: 1 }),
    ]);
    expect(v1.label).toBe('/v2/* 90% · default');
    expect(v2).toMatchObject({ label: '/v2/* 10%', share: 0.1 });
  });

  it('draws target edges for every target (collapse decides what is shown)', () => {
    expect(g.edges.filter((e) => e.kind === 'target' && e.source === DEMO.ledgerTg)).toHaveLength(4);
    expect(byId(g.nodes, `${DEMO.ledgerTg}#target/i-bad1:`)).toMatchObject({
      kind: 'target',
      status: 'UNHEALTHY',
      health: 'error',
      reasonCode: 'HealthCheckFailed',
    });
  });

  it('colours target groups and services from target health', () => {
    const tg = (id: string) => byId(g.nodes, id) as TargetGroupNode;
    expect(tg(DEMO.ledgerTg)).toMatchObject({ health: 'error', targetCount: 4 });
    expect(tg(DEMO.ledgerTg).summary).toMatchObject({ HEALTHY: 2, UNHEALTHY: 2 });
    expect(tg(DEMO.ledgerTg).badges).toContainEqual({ kind: 'health', text: '2 unhealthy' });
    expect(tg(DEMO.recoTg).health).toBe('warn');
    expect(tg(DEMO.v1).health).toBe('ok');
    expect(tg(DEMO.unusedTg).health).toBe('unknown');
    expect(byId(g.nodes, DEMO.ledger)!.health).toBe('error');
    expect(byId(g.nodes, DEMO.reco)!.health).toBe('warn');
    expect(byId(g.nodes, DEMO.paymentsApi)!.health).toBe('ok');
    // A service answering only with a fixed response has nothing to be healthy about.
    expect(byId(g.nodes, DEMO.webhooks)).toMatchObject({
      health: 'unknown',
      badges: [expect.objectContaining({ kind: 'fixed', text: 'default → 404' })],
    });
  });

  it('rolls service health up into the network', () => {
    const net = byId(g.nodes, DEMO.mesh);
    expect(net).toMatchObject({ health: 'error', serviceHealth: { error: 1, warn: 1, ok: 2, unknown: 0 } });
  });

  it('badges auth type AWS_IAM and sharing', () => {
    const svc = byId(g.nodes, DEMO.paymentsApi) as ServiceNode;
    expect(svc.authType).toBe('AWS_IAM');
    expect(svc.badges.map((b) => b.text)).toContain('AWS_IAM');
    expect(byId(g.nodes, DEMO.identity)!.badges.map((b) => b.text)).not.toContain('AWS_IAM');
    expect(byId(g.nodes, DEMO.mesh)!.badges.map((b) => b.text)).toEqual(['AWS_IAM', 'shared ×2']);
  });

  it('makes search text from name, ARN, id and DNS name', () => {
    const svc = byId(g.nodes, DEMO.paymentsApi)!;
    expect(svc.searchText).toContain('payments-api');
    expect(svc.searchText).toContain(DEMO.paymentsApi.toLowerCase());
    expect(svc.searchText).toContain('payments-api.lattice.example');
  });

  it('keeps an unreachable account as a group with the AWS error, and the others intact', () => {
    const denied = {
      code: 'ACCESS_DENIED' as const,
      message: 'AccessDenied: User is not authorized to perform: sts:AssumeRole',
      retryable: false,
      account: SHOP,
    };
    const g2 = buildGraph(demoLike({ storefrontDenied: denied }));
    expect(g2.groups.find((x) => x.accountId === SHOP)).toMatchObject({ reachable: false, error: denied });
    expect(g2.nodes.filter((n) => n.accountId === SHOP)).toHaveLength(0);
    expect(byId(g2.nodes, DEMO.paymentsApi)).toBeDefined();
  });

  it('adds placeholder nodes (and a group) for resources of accounts that are not configured', () => {
    const s = demoLike();
    const foreign = 'arn:aws:vpc-lattice:us-east-1:999999999999:service/svc-0000000000000zzzz';
    s.serviceAssociations.push({
      arn: 'arn:aws:vpc-lattice:us-east-1:999999999999:servicenetworkserviceassociation/snsa-0000000000000zzzz',
      id: 'snsa-0000000000000zzzz',
      accountId: '999999999999',
      region: 'us-east-1',
      serviceNetworkArn: DEMO.mesh,
      serviceArn: foreign,
    });
    const g2 = buildGraph(s);
    expect(byId(g2.nodes, foreign)).toMatchObject({ kind: 'service', accountId: '999999999999', health: 'unknown' });
    expect(g2.groups.at(-1)).toMatchObject({ accountId: '999999999999', configured: false });
    for (const e of g2.edges) {
      expect(byId(g2.nodes, e.source), e.id).toBeDefined();
      expect(byId(g2.nodes, e.target), e.id).toBeDefined();
    }
  });

  it('badges problems on the resource they concern', () => {
    const s = demoLike();
    s.problems.push({
      accountId: PAY,
      operation: 'ListTargets',
      resourceArn: DEMO.v2,
      error: { code: 'THROTTLED', message: 'Rate exceeded', retryable: true },
    });
    const tg = byId(buildGraph(s).nodes, DEMO.v2)!;
    expect(tg.badges).toContainEqual({
      kind: 'problem',
      text: 'ListTargets failed',
      title: 'ListTargets: Rate exceeded',
    });
  });
});
