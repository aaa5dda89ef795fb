import { describe, expect, it } from 'vitest';
import type { Finding } from '../triage/types';
import { buildGraph } from './build';
import { EMPTY_FILTER, hasErrors, matchNodes } from './filter';
import { applyFindings, effectiveHealth, findingNodeId, findingsByNode } from './findings';
import { DEMO, demoLike, HUB, PAY } from './testing/fixtures';

const graph = buildGraph(demoLike());

function finding(over: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return {
    kind: 'error-rate',
    severity: 'high',
    title: 'payments-api-v2: 27 % 5xx',
    detail: '27 % vs 0.4 % baseline',
    where: { accountId: PAY, region: 'us-east-1' },
    onset: '2026-12-03T07:15:00Z',
    asOf: '2026-12-03T07:19:00Z',
    score: 1,
    ...over,
  };
}

const v2Errors = finding({
  id: 'error-rate v2',
  where: { accountId: PAY, region: 'us-east-1', serviceArn: DEMO.paymentsApi, targetGroupArn: DEMO.v2 },
  logsHref: '/logs?targetGroup=x',
});
const denials = finding({
  id: 'auth-denials payments-api',
  kind: 'auth-denials',
  severity: 'critical',
  title: 'payments-api: new denials of role/intruder',
  where: { accountId: PAY, region: 'us-east-1', serviceArn: DEMO.paymentsApi },
});
const change = finding({
  id: 'change v2-canary',
  kind: 'change',
  severity: 'info',
  title: 'weights 90/10 → 50/50',
  where: { accountId: PAY, region: 'us-east-1', serviceArn: DEMO.paymentsApi, targetGroupArn: DEMO.v2 },
});

describe('findingNodeId', () => {
  it('names the target group, else the service, else the network', () => {
    expect(findingNodeId(v2Errors)).toBe(DEMO.v2);
    expect(findingNodeId(denials)).toBe(DEMO.paymentsApi);
    expect(findingNodeId({ where: { accountId: HUB, region: 'us-east-1', networkArn: DEMO.mesh } })).toBe(DEMO.mesh);
    expect(findingNodeId({ where: { accountId: HUB, region: 'us-east-1' } })).toBeUndefined();
  });
});

describe('applyFindings', () => {
  it('marks nodes with their findings, most urgent first, with a finding badge in front', () => {
    const g = applyFindings(graph, [v2Errors, change, denials]);
    const v2 = g.nodes.find((n) => n.id === DEMO.v2)!;
    expect(v2.findings?.map((f) => f.id)).toEqual(['error-rate v2', 'change v2-canary']);
    expect(v2.badges[0]).toEqual({
      kind: 'finding',
      text: '5xx ↑ +1',
      title: 'high: payments-api-v2: 27 % 5xx\ninfo: weights 90/10 → 50/50',
    });
    expect(v2.findings?.[0]?.logsHref).toBe('/logs?targetGroup=x');
    const svc = g.nodes.find((n) => n.id === DEMO.paymentsApi)!;
    expect(svc.badges[0]?.text).toBe('denials ↑');
    // Target health stays what it is: the finding is its own mark.
    expect(v2.health).toBe(graph.nodes.find((n) => n.id === DEMO.v2)!.health);
  });

  it('keeps unmarked nodes (and the whole graph without findings) as the same objects', () => {
    expect(applyFindings(graph, [])).toBe(graph);
    const unknown = finding({ id: 'x', where: { accountId: PAY, region: 'us-east-1', targetGroupArn: 'arn:gone' } });
    expect(applyFindings(graph, [unknown])).toBe(graph);
    const g = applyFindings(graph, [v2Errors]);
    const i = graph.nodes.findIndex((n) => n.id === DEMO.ledgerTg);
    expect(g.nodes[i]).toBe(graph.nodes[i]);
    expect(g.nodes.find((n) => n.id === DEMO.v2)).not.toBe(graph.nodes.find((n) => n.id === DEMO.v2));
  });

  it('marks the named targets of an unhealthy-targets finding too', () => {
    const full = buildGraph(demoLike());
    const unhealthy = finding({
      id: 'unhealthy ledger',
      kind: 'unhealthy-targets',
      where: { accountId: PAY, region: 'us-east-1', targetGroupArn: DEMO.ledgerTg },
      targetIds: ['i-bad1'],
    });
    const marks = findingsByNode(full, [unhealthy]);
    const targetIds = [...marks.keys()].filter((id) => id.includes('#target/'));
    expect(marks.has(DEMO.ledgerTg)).toBe(true);
    expect(targetIds).toHaveLength(1);
    expect(targetIds[0]).toContain('i-bad1');
  });
});

describe('filters with findings', () => {
  const g = applyFindings(graph, [v2Errors, change]);
  const v2 = g.nodes.find((n) => n.id === DEMO.v2)!;

  it('an active finding makes a node failing and "has errors"; context findings do not', () => {
    expect(effectiveHealth(v2)).toBe('error');
    expect(hasErrors(v2)).toBe(true);
    expect(matchNodes(g, { ...EMPTY_FILTER, health: ['error'] }).has(DEMO.v2)).toBe(true);
    expect(matchNodes(g, { ...EMPTY_FILTER, errors: true }).has(DEMO.v2)).toBe(true);
    const onlyChange = applyFindings(graph, [change]).nodes.find((n) => n.id === DEMO.v2)!;
    expect(effectiveHealth(onlyChange)).toBe(onlyChange.health);
    expect(hasErrors(onlyChange)).toBe(hasErrors(graph.nodes.find((n) => n.id === DEMO.v2)!));
  });

  it('without findings the node is not failing (the finding is what makes it match)', () => {
    expect(matchNodes(graph, { ...EMPTY_FILTER, health: ['error'] }).has(DEMO.v2)).toBe(false);
  });
});
