/**
 * A fleet-sized snapshot (like the emulator's `fleet` scenario: 5 accounts, 600 services, 1,800
 * target groups, 18,000 targets) for pipeline tests and the layout benchmark. Deterministic. Test-only.
 */
import { emptySnapshot, type Snapshot, type Target, type TargetStatus } from '../../domain/snapshot';
import { arn } from './fixtures';

const R = 'us-east-1';
const ACCOUNTS = ['111111111111', '222222222222', '333333333333', '444444444444', '555555555555'];
const idFromArn = (a: string) => a.slice(a.lastIndexOf('/') + 1);

/** Builds the fleet; sizes can be scaled down for unit tests. */
export function fleetSnapshot(
  o: { services?: number; tgsPerService?: number; targetsPerTg?: number; networks?: number } = {},
): Snapshot {
  const services = o.services ?? 600;
  const tgsPer = o.tgsPerService ?? 3;
  const targetsPer = o.targetsPerTg ?? 10;
  const networks = o.networks ?? 4;
  const s = emptySnapshot(1_000);
  s.accounts = ACCOUNTS.map((accountId, i) => ({
    accountId,
    name: i === 0 ? 'network-hub' : `team-${i}`,
    regions: [R],
    reachable: true,
    fetchedAt: 1_000,
  }));
  const hub = ACCOUNTS[0]!;
  for (let n = 0; n < networks; n++) {
    const a = arn.network(hub, n + 1);
    s.serviceNetworks.push({
      arn: a,
      id: idFromArn(a),
      accountId: hub,
      region: R,
      name: `mesh-${n + 1}`,
      authType: n % 2 ? 'AWS_IAM' : 'NONE',
      visibleTo: ACCOUNTS,
    });
    for (let v = 0; v < ACCOUNTS.length; v++) {
      const acct = ACCOUNTS[v]!;
      const va = arn.snva(acct, n * 10 + v + 1);
      s.vpcAssociations.push({
        arn: va,
        id: idFromArn(va),
        accountId: acct,
        region: R,
        serviceNetworkArn: a,
        vpcId: `vpc-${(n * 10 + v).toString(16).padStart(17, '0')}`,
      });
    }
  }
  let tgN = 0;
  for (let i = 0; i < services; i++) {
    const acct = ACCOUNTS[i % ACCOUNTS.length]!;
    const svc = arn.service(acct, i + 1);
    s.services.push({
      arn: svc,
      id: idFromArn(svc),
      accountId: acct,
      region: R,
      name: `app-${String(i + 1).padStart(4, '0')}`,
      authType: i % 3 ? 'NONE' : 'AWS_IAM',
      status: 'ACTIVE',
      visibleTo: [acct],
    });
    const net = s.serviceNetworks[i % networks]!;
    const sa = arn.sna(acct, i + 1);
    s.serviceAssociations.push({
      arn: sa,
      id: idFromArn(sa),
      accountId: acct,
      region: R,
      serviceNetworkArn: net.arn,
      serviceArn: svc,
    });
    const tgs: string[] = [];
    for (let t = 0; t < tgsPer; t++) {
      const tg = arn.tg(acct, ++tgN);
      tgs.push(tg);
      s.targetGroups.push({
        arn: tg,
        id: idFromArn(tg),
        accountId: acct,
        region: R,
        name: `app-${i + 1}-tg-${t + 1}`,
        type: 'IP',
        port: 8080,
        protocol: 'HTTP',
        serviceArns: [svc],
      });
      s.targets[tg] = Array.from(
        { length: targetsPer },
        (_, k): Target => ({ id: `10.${i % 250}.${t}.${k + 1}`, port: 8080, status: statusOf(i, t, k) }),
      );
    }
    const l = arn.listener(svc, i + 1);
    s.listeners.push({
      arn: l,
      id: idFromArn(l),
      accountId: acct,
      region: R,
      serviceArn: svc,
      name: 'http',
      protocol: 'HTTP',
      port: 80,
      defaultAction: { type: 'forward', targetGroups: [{ targetGroupArn: tgs[0]!, weight: 100 }] },
    });
    if (tgs.length > 1) {
      const r = arn.rule(l, i + 1);
      s.rules.push({
        arn: r,
        id: idFromArn(r),
        accountId: acct,
        region: R,
        serviceArn: svc,
        listenerArn: l,
        name: 'canary',
        isDefault: false,
        priority: 10,
        match: { path: { type: 'prefix', value: '/v2/', caseSensitive: false }, headers: [] },
        action: {
          type: 'forward',
          targetGroups: tgs.slice(1).map((t, k) => ({ targetGroupArn: t, weight: k === 0 ? 90 : 10 })),
        },
      });
    }
  }
  return s;
}

function statusOf(i: number, t: number, k: number): TargetStatus {
  if (i % 17 === 0 && k < 2) return 'UNHEALTHY';
  if (i % 11 === 0 && t === 1 && k === 0) return 'DRAINING';
  return 'HEALTHY';
}
