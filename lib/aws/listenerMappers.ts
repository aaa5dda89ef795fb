/**
 * VPC Lattice SDK shapes → domain types for listeners and rules (ListListeners, GetListener,
 * ListRules, GetRule). SDK types stop here. Undefined for an item without an ARN or id.
 */
import 'server-only';
import type {
  GetListenerResponse,
  GetRuleResponse,
  ListenerSummary,
  RuleSummary as SdkRuleSummary,
} from '@aws-sdk/client-vpc-lattice';
import type { Listener, Rule } from '../domain/snapshot';
import { arnContextOf, toRuleAction, toRuleMatch } from './latticeMappers';
import { base } from './resourceMappers';

/** A listener as GetListener reads it: with its default action and the time of its last change. */
export interface ListenerDetail extends Listener {
  lastUpdatedAt?: string;
}

/** A rule as ListRules lists it (no match or action). */
export interface RuleSummary {
  arn: string;
  id: string;
  name: string;
  isDefault: boolean;
  priority?: number;
  /** ISO time of the rule's last change (tells the inventory whether to GetRule again). */
  lastUpdatedAt?: string;
}

/** A listener of `serviceArn` (ListListeners does not repeat the service). */
export function toListener(l: ListenerSummary, serviceArn: string, region: string): Listener | undefined {
  const b = base(l.arn, l.id, region);
  if (!b) return undefined;
  return {
    ...b,
    serviceArn,
    name: l.name ?? b.id,
    protocol: l.protocol ?? 'HTTP',
    ...(l.port !== undefined ? { port: l.port } : {}),
  };
}

/** A listener from GetListener, default action included. */
export function toListenerDetail(
  l: GetListenerResponse,
  serviceArn: string,
  region: string,
): ListenerDetail | undefined {
  const listener = toListener(l, serviceArn, region);
  if (!listener) return undefined;
  const defaultAction = toRuleAction(l.defaultAction, arnContextOf(listener.arn));
  return {
    ...listener,
    ...(defaultAction ? { defaultAction } : {}),
    ...(l.lastUpdatedAt ? { lastUpdatedAt: l.lastUpdatedAt.toISOString() } : {}),
  };
}

/** A rule as listed. */
export function toRuleSummary(r: SdkRuleSummary): RuleSummary | undefined {
  if (!r.arn || !r.id) return undefined;
  return {
    arn: r.arn,
    id: r.id,
    name: r.name ?? r.id,
    isDefault: r.isDefault ?? false,
    ...(r.priority !== undefined ? { priority: r.priority } : {}),
    ...(r.lastUpdatedAt ? { lastUpdatedAt: r.lastUpdatedAt.toISOString() } : {}),
  };
}

/** A rule from GetRule (match and action included). */
export function toRule(r: GetRuleResponse, serviceArn: string, listenerArn: string, region: string): Rule | undefined {
  const b = base(r.arn, r.id, region);
  if (!b) return undefined;
  const isDefault = r.isDefault ?? false;
  const match = toRuleMatch(r.match);
  const action = toRuleAction(r.action, arnContextOf(listenerArn));
  return {
    ...b,
    serviceArn,
    listenerArn,
    name: r.name ?? b.id,
    isDefault,
    ...(!isDefault && r.priority !== undefined ? { priority: r.priority } : {}),
    ...(match ? { match } : {}),
    ...(action ? { action } : {}),
    ...(r.lastUpdatedAt ? { lastUpdatedAt: r.lastUpdatedAt.toISOString() } : {}),
  };
}
