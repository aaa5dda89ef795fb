/**
 * Fresh reads of one listener and one rule from the Lattice API (GetListener, GetRule), with the
 * version of what they do. Used by the routing page and, right before every write, by the
 * read-compare-write that refuses lost updates.
 */
import 'server-only';
import type { RuleSummary } from '../aws/listenerMappers';
import { orThrow } from '../aws/paginate';
import { TrellisError } from '../domain/errors';
import type { RuleView } from './view';
import { versionOf } from './ruleVersion';
import { latticeOf, type RoutingContext } from './context';

/** A listener's own fields and its default action. */
export interface ListenerRead {
  arn: string;
  id: string;
  name: string;
  protocol: string;
  port?: number;
  defaultAction?: RuleView['action'];
  lastUpdatedAt?: string;
  defaultVersion: string;
}

/** GetListener. */
export async function readListener(
  ctx: RoutingContext,
  serviceArn: string,
  listenerArn: string,
): Promise<ListenerRead> {
  const l = await latticeOf(ctx, listenerArn).getListener(serviceArn, listenerArn);
  const { defaultAction, lastUpdatedAt } = l;
  return {
    arn: l.arn,
    id: l.id,
    name: l.name,
    protocol: l.protocol,
    ...(l.port !== undefined ? { port: l.port } : {}),
    ...(defaultAction ? { defaultAction } : {}),
    ...(lastUpdatedAt ? { lastUpdatedAt } : {}),
    defaultVersion: versionOf({
      ...(defaultAction ? { action: defaultAction } : {}),
      ...(lastUpdatedAt ? { lastUpdatedAt } : {}),
    }),
  };
}

/** GetRule of a non-default rule. Throws VALIDATION for the default rule (edited through its listener). */
export async function readRule(
  ctx: RoutingContext,
  serviceArn: string,
  listenerArn: string,
  ruleArn: string,
): Promise<RuleView> {
  const r = await latticeOf(ctx, ruleArn).getRule(serviceArn, listenerArn, ruleArn);
  if (r.isDefault)
    throw new TrellisError(
      'VALIDATION',
      `Rule ${r.id} is the listener's default rule; edit the listener's default action instead.`,
      { resource: ruleArn },
    );
  const { action, lastUpdatedAt } = r;
  const match = r.match ?? { headers: [] };
  const priority = r.priority ?? 0;
  return {
    arn: r.arn,
    id: r.id,
    name: r.name,
    priority,
    match,
    ...(action ? { action } : {}),
    ...(lastUpdatedAt ? { lastUpdatedAt } : {}),
    version: versionOf({ priority, match, ...(action ? { action } : {}), ...(lastUpdatedAt ? { lastUpdatedAt } : {}) }),
  };
}

/** ListRules of a listener (summaries, default rule included). */
export async function listRuleSummaries(
  ctx: RoutingContext,
  serviceArn: string,
  listenerArn: string,
): Promise<RuleSummary[]> {
  return orThrow(await latticeOf(ctx, listenerArn).listRules(serviceArn, listenerArn));
}
