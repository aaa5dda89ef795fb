/** Choosing log groups from the inventory: per service, target group, network, by hand, and per account. */
import { describe, expect, it } from 'vitest';
import {
  isServiceAccessLog,
  logSources,
  MAX_GROUPS_PER_QUERY,
  nameIndex,
  scopesOf,
  selectSources,
  type LogSource,
} from './sources';
import { emptySnapshot, type Snapshot } from '../domain/snapshot';

const R = 'us-east-1';
const sn = (acct: string, id: string) => `arn:aws:vpc-lattice:${R}:${acct}:servicenetwork/sn-${id.padEnd(17, '0')}`;
const svc = (acct: string, id: string) => `arn:aws:vpc-lattice:${R}:${acct}:service/svc-${id.padEnd(17, '0')}`;
const tg = (acct: string, id: string) => `arn:aws:vpc-lattice:${R}:${acct}:targetgroup/tg-${id.padEnd(17, '0')}`;
const lg = (acct: string, name: string) => `arn:aws:logs:${R}:${acct}:log-group:/aws/vpc-lattice/${name}`;
const base = (arn: string, accountId: string) => ({ arn, id: arn.split('/').pop()!, accountId, region: R });

const MESH = sn('111111111111', 'mesh');
const SHARED = sn('111111111111', 'shared');
const QUIET = sn('111111111111', 'quiet');
const PAY = svc('222222222222', 'pay');
const LEDGER = svc('222222222222', 'ledger');
const CART = svc('333333333333', 'cart');
const LONELY = svc('333333333333', 'lonely');
const PAY_TG = tg('222222222222', 'payv1');
const LEDGER_TG = tg('222222222222', 'ledger');

/** A small world: mesh and shared log at network level, payments at service level, quiet not at all. */
function fixture(): Snapshot {
  const s = emptySnapshot(1);
  s.serviceNetworks = [
    { ...base(MESH, '111111111111'), name: 'prod-mesh', visibleTo: [] },
    { ...base(SHARED, '111111111111'), name: 'shared-services', visibleTo: [] },
    { ...base(QUIET, '111111111111'), name: 'quiet', visibleTo: [] },
  ];
  s.services = [
    { ...base(PAY, '222222222222'), name: 'payments-api', visibleTo: [] },
    { ...base(LEDGER, '222222222222'), name: 'ledger', visibleTo: [] },
    { ...base(CART, '333333333333'), name: 'cart', visibleTo: [] },
    { ...base(LONELY, '333333333333'), name: 'lonely', visibleTo: [] },
  ];
  const assoc = (n: string, sv: string) => ({
    ...base(`${n}/a-${sv.slice(-5)}`, '111111111111'),
    serviceNetworkArn: n,
    serviceArn: sv,
  });
  s.serviceAssociations = [
    assoc(MESH, PAY),
    assoc(MESH, LEDGER),
    assoc(SHARED, CART),
    assoc(MESH, CART),
    assoc(QUIET, LONELY),
  ];
  s.targetGroups = [
    { ...base(PAY_TG, '222222222222'), name: 'payments-api-v1', type: 'IP', serviceArns: [PAY] },
    { ...base(LEDGER_TG, '222222222222'), name: 'ledger-instances', type: 'INSTANCE', serviceArns: [LEDGER] },
  ];
  const sub = (resourceArn: string, destinationArn: string, acct: string) => ({
    ...base(`${resourceArn}/als`, acct),
    resourceArn,
    destinationArn,
  });
  s.accessLogSubscriptions = [
    sub(MESH, lg('111111111111', 'prod-mesh'), '111111111111'),
    sub(SHARED, `${lg('111111111111', 'shared-services')}:*`, '111111111111'),
    sub(PAY, lg('222222222222', 'payments-api'), '222222222222'),
    sub(LEDGER, 'arn:aws:s3:::ledger-logs', '222222222222'),
  ];
  return s;
}

const arns = (list: LogSource[]) => list.map((g) => g.name);
const sel = (include: Record<string, string[]>, sources: string[] = []) =>
  selectSources(fixture(), { include, sources });

describe('logSources', () => {
  it('lists the CloudWatch destinations once each, with what logs to them; S3 is skipped', () => {
    const all = logSources(fixture());
    expect(all.map((g) => [g.accountId, g.name, g.logs.map((l) => `${l.kind}:${l.name}`)])).toEqual([
      ['111111111111', '/aws/vpc-lattice/prod-mesh', ['network:prod-mesh']],
      ['111111111111', '/aws/vpc-lattice/shared-services', ['network:shared-services']],
      ['222222222222', '/aws/vpc-lattice/payments-api', ['service:payments-api']],
    ]);
    expect(nameIndex(fixture())[PAY_TG]).toBe('payments-api-v1');
  });

  it("leaves out resource access logs (a network's RESOURCE subscription, a resource configuration's)", () => {
    const s = fixture();
    const rcfg = 'arn:aws:vpc-lattice:us-east-1:111111111111:resourceconfiguration/rcfg-0123456789abcdef0';
    s.accessLogSubscriptions.push(
      {
        ...base(`${MESH}/als-r`, '111111111111'),
        resourceArn: MESH,
        destinationArn: lg('111111111111', 'res'),
        logType: 'RESOURCE',
      },
      { ...base(`${rcfg}/als`, '111111111111'), resourceArn: rcfg, destinationArn: lg('111111111111', 'rcfg') },
    );
    expect(logSources(s).map((g) => g.name)).not.toContain('/aws/vpc-lattice/res');
    expect(logSources(s).map((g) => g.name)).not.toContain('/aws/vpc-lattice/rcfg');
    expect(selectSources(s, { include: { network: [MESH] }, sources: [] }).sources.map((g) => g.name)).toEqual([
      '/aws/vpc-lattice/prod-mesh',
    ]);
    expect(isServiceAccessLog({ resourceArn: MESH, logType: 'SERVICE' })).toBe(true);
  });
});

describe('selectSources', () => {
  it('uses every group without a selection', () => {
    const s = sel({});
    expect(arns(s.sources)).toHaveLength(3);
    expect(s).toMatchObject({ automatic: true, reason: 'Every access-log group of the inventory (3).', unknown: [] });
  });

  it("uses a service's own subscription, else its networks'", () => {
    expect(arns(sel({ service: [PAY] }).sources)).toEqual(['/aws/vpc-lattice/payments-api']);
    expect(sel({ service: [PAY] }).reason).toBe('Access logs of payments-api.');
    expect(arns(sel({ service: [CART] }).sources)).toEqual([
      '/aws/vpc-lattice/prod-mesh',
      '/aws/vpc-lattice/shared-services',
    ]);
    expect(sel({ service: [CART] }).reason).toBe('Access logs of the networks of cart.');
    expect(sel({ service: [LONELY] })).toMatchObject({
      sources: [],
      reason: 'No access-log subscription covers lonely or its networks.',
    });
  });

  it("uses a target group's services' groups, and services win over target groups and networks", () => {
    expect(arns(sel({ targetGroup: [LEDGER_TG] }).sources)).toEqual(['/aws/vpc-lattice/prod-mesh']);
    expect(arns(sel({ targetGroup: [PAY_TG, LEDGER_TG] }).sources)).toEqual([
      '/aws/vpc-lattice/prod-mesh',
      '/aws/vpc-lattice/payments-api',
    ]);
    expect(arns(sel({ service: [PAY], targetGroup: [LEDGER_TG], network: [SHARED] }).sources)).toEqual([
      '/aws/vpc-lattice/payments-api',
    ]);
  });

  it("uses a network's own group, else its services'", () => {
    expect(arns(sel({ network: [SHARED] }).sources)).toEqual(['/aws/vpc-lattice/shared-services']);
    expect(sel({ network: [QUIET] }).sources).toEqual([]);
  });

  it('takes picked groups, reporting unknown ones; all unknown falls back to the automatic choice', () => {
    const picked = sel({ service: [PAY] }, [lg('111111111111', 'prod-mesh'), lg('999999999999', 'nope')]);
    expect(picked).toMatchObject({ automatic: false, unknown: [lg('999999999999', 'nope')] });
    expect(arns(picked.sources)).toEqual(['/aws/vpc-lattice/prod-mesh']);
    const fallback = sel({ service: [PAY] }, [lg('999999999999', 'nope')]);
    expect(fallback).toMatchObject({ automatic: true, unknown: [lg('999999999999', 'nope')] });
    expect(arns(fallback.sources)).toEqual(['/aws/vpc-lattice/payments-api']);
  });

  it('falls back to every group for a selection the inventory does not know', () => {
    const other = svc('444444444444', 'other');
    expect(sel({ service: [other] })).toMatchObject({
      unknown: [other],
      reason: 'Every access-log group of the inventory (3).',
    });
  });
});

describe('scopesOf', () => {
  it('groups by account and region and splits past the per-query limit', () => {
    const all = logSources(fixture());
    expect(scopesOf(all).map((s) => [s.accountId, s.logGroupNames.length])).toEqual([
      ['111111111111', 2],
      ['222222222222', 1],
    ]);
    const many: LogSource[] = Array.from({ length: MAX_GROUPS_PER_QUERY + 1 }, (_, i) => ({
      arn: lg('111111111111', `g${i}`),
      accountId: '111111111111',
      region: R,
      name: `g${i}`,
      logs: [],
    }));
    expect(scopesOf(many).map((s) => s.logGroupNames.length)).toEqual([MAX_GROUPS_PER_QUERY, 1]);
  });
});
