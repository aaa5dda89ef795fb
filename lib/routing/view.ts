/**
 * What the routing page shows of one service, read fresh from the Lattice API: listeners, their
 * rules in evaluation order with versions for lost-update protection, and the target groups the
 * editor can pick with their health. Plain serialisable data. Pure.
 */
import type { Owner } from '../domain/owner';
import type { ErrorInfo } from '../domain/errors';
import type { RuleAction, RuleMatch } from '../domain/routing';
import type { HealthSummary, Problem } from '../domain/snapshot';

/** A non-default rule. */
export interface RuleView {
  arn: string;
  id: string;
  name: string;
  priority: number;
  match: RuleMatch;
  /** Undefined for an action kind this console does not know (shown, not editable). */
  action?: RuleAction;
  lastUpdatedAt?: string;
  /** See lib/routing/ruleVersion. */
  version: string;
}

/** A listener with its default action and rules. */
export interface ListenerView {
  arn: string;
  id: string;
  name: string;
  protocol: string;
  port?: number;
  defaultAction?: RuleAction;
  lastUpdatedAt?: string;
  /** Version of the default action (see lib/routing/ruleVersion). */
  defaultVersion: string;
  /** Non-default rules by ascending priority. */
  rules: RuleView[];
  /** Why the rules could not be read (the listener is still shown). */
  rulesError?: ErrorInfo;
}

/** A target group of the service's account, for names, health and the editor's picker. */
export interface TargetGroupView {
  arn: string;
  id: string;
  name: string;
  type?: string;
  protocol?: string;
  status?: string;
  /** Target health; undefined when not read (not used by this service) or unreadable (see healthError). */
  health?: HealthSummary;
  healthError?: ErrorInfo;
}

/** The service whose routes are shown. */
export interface ServiceRef {
  arn: string;
  id: string;
  name: string;
  accountId: string;
  accountName?: string;
  region: string;
  status?: string;
  /** Who manages it, from its tags read with the routing (a write reads them again). */
  owner?: Owner;
}

/** One service's routing, as read at `readAt`. */
export interface ServiceRouting {
  service: ServiceRef;
  listeners: ListenerView[];
  targetGroups: TargetGroupView[];
  readAt: number;
  /** What could not be read; the rest is valid. */
  problems: Problem[];
}

/** A service for the picker. */
export interface ServiceChoice {
  arn: string;
  name: string;
  accountId: string;
  accountName: string;
}

/** Name of a target group by ARN (falls back to its id). */
export function targetGroupName(groups: readonly TargetGroupView[], arn: string): string {
  return groups.find((g) => g.arn === arn)?.name ?? arn.split('/').pop() ?? arn;
}

/** Health by target group ARN, for `routingWarnings`. */
export function healthByArn(groups: readonly TargetGroupView[]): Record<string, HealthSummary | undefined> {
  return Object.fromEntries(groups.map((g) => [g.arn, g.health]));
}

/** Services by account, and the accounts that could not be listed. */
export interface ServiceList {
  services: ServiceChoice[];
  problems: Array<{ accountId: string; accountName: string; error: ErrorInfo }>;
}
