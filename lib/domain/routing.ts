/**
 * Listener rules as the console models them: what a rule matches and what it does. Converted from
 * and to the SDK shapes in lib/aws/latticeMappers. Pure.
 */

/** A path condition. */
export interface PathCondition {
  type: 'exact' | 'prefix';
  value: string;
  caseSensitive: boolean;
}

/** A header condition. */
export interface HeaderCondition {
  name: string;
  type: 'exact' | 'prefix' | 'contains';
  value: string;
  caseSensitive: boolean;
}

/** The HTTP conditions of a rule; all present conditions must hold. Default rules have none. */
export interface RuleMatch {
  method?: string;
  path?: PathCondition;
  headers: HeaderCondition[];
}

/** One target group of a forward action. */
export interface WeightedTarget {
  /** The target group's ARN (the API may answer with an id; mappers turn it into the ARN). */
  targetGroupArn: string;
  /** Integer 0–999. */
  weight: number;
}

/** What a rule does. */
export type RuleAction =
  | { type: 'forward'; targetGroups: WeightedTarget[] }
  | { type: 'fixedResponse'; statusCode: number };

/** A target group's share of the traffic of a forward action: weight / sum of weights (0 when the sum is 0). */
export interface TrafficShare {
  targetGroupArn: string;
  weight: number;
  /** 0–1. */
  share: number;
}

/** Traffic shares of a forward action, in the action's order. */
export function trafficShares(targets: readonly WeightedTarget[]): TrafficShare[] {
  const sum = targets.reduce((s, t) => s + t.weight, 0);
  return targets.map((t) => ({
    targetGroupArn: t.targetGroupArn,
    weight: t.weight,
    share: sum === 0 ? 0 : t.weight / sum,
  }));
}

/** A one-line summary of a match for edge labels and tables, e.g. `GET /v2/* x-debug=true`. */
export function matchSummary(match: RuleMatch | undefined): string {
  if (!match) return 'default';
  const parts: string[] = [];
  if (match.method) parts.push(match.method);
  if (match.path) parts.push(match.path.type === 'prefix' ? `${match.path.value}*` : match.path.value);
  for (const h of match.headers) {
    const op = h.type === 'exact' ? '=' : h.type === 'prefix' ? '^=' : '~=';
    parts.push(`${h.name}${op}${h.value}`);
  }
  return parts.length > 0 ? parts.join(' ') : 'any';
}
