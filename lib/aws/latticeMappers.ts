/**
 * VPC Lattice SDK shapes ⇄ domain types for rules (match and action). SDK types stop here.
 * The API may name target groups by id in an action; the domain always uses ARNs (a forward action
 * can only reference target groups of the service's own account and region).
 */
import type {
  RuleAction as SdkRuleAction,
  RuleMatch as SdkRuleMatch,
  WeightedTargetGroup,
} from '@aws-sdk/client-vpc-lattice';
import { parseLatticeArn, targetGroupArn } from '../domain/arn';
import { TrellisError } from '../domain/errors';
import type { HeaderCondition, RuleAction, RuleMatch } from '../domain/routing';

/** A non-default rule's content as a write sets it. */
export interface RuleSpec {
  priority: number;
  match: RuleMatch;
  action: RuleAction;
}

/** Where an action lives: the partition, region and account its target group ids belong to. */
export interface ArnContext {
  partition: string;
  region: string;
  accountId: string;
}

/** The ARN context of a resource ARN (a service, listener or rule). */
export function arnContextOf(arn: string): ArnContext {
  const p = parseLatticeArn(arn);
  if (!p) throw new TrellisError('AWS_INTERNAL', `Not a VPC Lattice ARN: ${arn}`);
  return { partition: p.partition, region: p.region, accountId: p.accountId };
}

function toTargetArn(identifier: string, ctx: ArnContext): string {
  return identifier.startsWith('arn:')
    ? identifier
    : targetGroupArn(ctx.partition, ctx.region, ctx.accountId, identifier);
}

/** SDK action → domain action; undefined for an action kind this console does not know. */
export function toRuleAction(action: SdkRuleAction | undefined, ctx: ArnContext): RuleAction | undefined {
  if (!action) return undefined;
  if (action.forward) {
    return {
      type: 'forward',
      targetGroups: (action.forward.targetGroups ?? []).map((t) => ({
        targetGroupArn: toTargetArn(t.targetGroupIdentifier ?? '', ctx),
        weight: t.weight ?? 100,
      })),
    };
  }
  if (action.fixedResponse) return { type: 'fixedResponse', statusCode: action.fixedResponse.statusCode ?? 404 };
  return undefined;
}

/** SDK match → domain match; undefined when there is none (default rules). */
export function toRuleMatch(match: SdkRuleMatch | undefined): RuleMatch | undefined {
  const http = match?.httpMatch;
  if (!http) return undefined;
  const out: RuleMatch = { headers: [] };
  if (http.method) out.method = http.method;
  const pm = http.pathMatch;
  if (pm?.match) {
    const type = pm.match.exact !== undefined ? 'exact' : 'prefix';
    out.path = {
      type,
      value: (pm.match.exact ?? pm.match.prefix ?? '') as string,
      caseSensitive: pm.caseSensitive ?? false,
    };
  }
  for (const h of http.headerMatches ?? []) {
    const m = h.match;
    if (!m || !h.name) continue;
    const type: HeaderCondition['type'] =
      m.exact !== undefined ? 'exact' : m.prefix !== undefined ? 'prefix' : 'contains';
    out.headers.push({
      name: h.name,
      type,
      value: (m.exact ?? m.prefix ?? m.contains ?? '') as string,
      caseSensitive: h.caseSensitive ?? false,
    });
  }
  return out;
}

/** Domain action → SDK action (target groups by ARN, which the API accepts as identifiers). */
export function fromRuleAction(action: RuleAction): SdkRuleAction {
  if (action.type === 'fixedResponse') return { fixedResponse: { statusCode: action.statusCode } };
  const targetGroups: WeightedTargetGroup[] = action.targetGroups.map((t) => ({
    targetGroupIdentifier: t.targetGroupArn,
    weight: t.weight,
  }));
  return { forward: { targetGroups } };
}

/** Domain match → SDK match. */
export function fromRuleMatch(match: RuleMatch): SdkRuleMatch {
  return {
    httpMatch: {
      ...(match.method ? { method: match.method } : {}),
      ...(match.path
        ? {
            pathMatch: {
              match: match.path.type === 'exact' ? { exact: match.path.value } : { prefix: match.path.value },
              caseSensitive: match.path.caseSensitive,
            },
          }
        : {}),
      ...(match.headers.length > 0
        ? {
            headerMatches: match.headers.map((h) => ({
              name: h.name,
              caseSensitive: h.caseSensitive,
              match:
                h.type === 'exact'
                  ? { exact: h.value }
                  : h.type === 'prefix'
                    ? { prefix: h.value }
                    : { contains: h.value },
            })),
          }
        : {}),
    },
  };
}
