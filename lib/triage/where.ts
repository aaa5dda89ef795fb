/** Names and places of resources for findings, from the inventory snapshot. Pure. */
import { parseLatticeArn } from '../domain/arn';
import type { Rule, Snapshot } from '../domain/snapshot';
import type { FindingWhere } from './types';

/** Lookups over one snapshot. */
export interface Places {
  name(arn: string): string;
  /** Where a target group is, seen from one of its services (the busiest one the caller picked). */
  tg(targetGroupArn: string, serviceArn?: string): FindingWhere;
  service(serviceArn: string): FindingWhere;
  /** Rules that forward to a target group, weighted ones first. */
  rulesTo(targetGroupArn: string, serviceArn?: string): Rule[];
  snapshot: Snapshot;
}

function scope(arn: string): { accountId: string; region: string } {
  const p = parseLatticeArn(arn);
  return { accountId: p?.accountId ?? '', region: p?.region ?? '' };
}

const forwards = (r: Rule, tg: string) =>
  r.action?.type === 'forward' && r.action.targetGroups.some((t) => t.targetGroupArn === tg);
const weighted = (r: Rule) =>
  r.action?.type === 'forward' && r.action.targetGroups.filter((t) => t.weight > 0).length > 1;

/** The lookups of a snapshot. */
export function places(s: Snapshot): Places {
  const names = new Map<string, string>();
  for (const x of [...s.serviceNetworks, ...s.services, ...s.targetGroups, ...s.rules]) names.set(x.arn, x.name);
  const name = (arn: string) => names.get(arn) ?? parseLatticeArn(arn)?.id ?? arn;
  const networkOf = (svc: string): Pick<FindingWhere, 'networkArn' | 'networkName'> => {
    const a = s.serviceAssociations.find((x) => x.serviceArn === svc);
    return a ? { networkArn: a.serviceNetworkArn, networkName: name(a.serviceNetworkArn) } : {};
  };
  const rulesTo = (tg: string, svc?: string) =>
    s.rules
      .filter((r) => forwards(r, tg) && (!svc || r.serviceArn === svc))
      .sort((a, b) => Number(weighted(b)) - Number(weighted(a)) || a.arn.localeCompare(b.arn));
  const service = (svc: string): FindingWhere => ({
    ...scope(svc),
    ...networkOf(svc),
    serviceArn: svc,
    serviceName: name(svc),
  });
  return {
    snapshot: s,
    name,
    rulesTo,
    service,
    tg(tgArn, svc) {
      const group = s.targetGroups.find((g) => g.arn === tgArn);
      const serviceArn = svc ?? group?.serviceArns[0];
      const rule = rulesTo(tgArn, serviceArn)[0];
      return {
        ...scope(tgArn),
        ...(serviceArn ? service(serviceArn) : {}),
        ...(rule ? { listenerArn: rule.listenerArn, ruleArn: rule.arn, ruleName: rule.name } : {}),
        targetGroupArn: tgArn,
        targetGroupName: name(tgArn),
      };
    },
  };
}
