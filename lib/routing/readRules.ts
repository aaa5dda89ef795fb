/**
 * Fresh reads of one listener and one rule from the Lattice API (GetListener, GetRule), with the
 * version of what they do. Used by the routing page and, right before every write, by the
 * read-compare-write that refuses lost updates.
 */
import 'server-only';
import { GetListenerCommand, GetRuleCommand, ListRulesCommand, type RuleSummary } from '@aws-sdk/client-vpc-lattice';
import { arnContextOf, toRuleAction, toRuleMatch } from '../aws/latticeMappers';
import { TrellisError } from '../domain/errors';
import type { RuleView } from './view';
import { versionOf } from './ruleVersion';
import { allPages, latticeCall, type RoutingContext } from './context';

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

const iso = (d: Date | undefined) => (d ? d.toISOString() : undefined);

/** GetListener. */
export async function readListener(
  ctx: RoutingContext,
  serviceArn: string,
  listenerArn: string,
): Promise<ListenerRead> {
  const out = await latticeCall(ctx, listenerArn, 'GetListener', (c, abortSignal) =>
    c.send(new GetListenerCommand({ serviceIdentifier: serviceArn, listenerIdentifier: listenerArn }), { abortSignal }),
  );
  const arn = out.arn ?? listenerArn;
  const defaultAction = toRuleAction(out.defaultAction, arnContextOf(arn));
  const lastUpdatedAt = iso(out.lastUpdatedAt);
  return {
    arn,
    id: out.id ?? arn.split('/').pop() ?? arn,
    name: out.name ?? '',
    protocol: out.protocol ?? '',
    ...(out.port !== undefined ? { port: out.port } : {}),
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
  const out = await latticeCall(ctx, ruleArn, 'GetRule', (c, abortSignal) =>
    c.send(
      new GetRuleCommand({ serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, ruleIdentifier: ruleArn }),
      { abortSignal },
    ),
  );
  if (out.isDefault)
    throw new TrellisError(
      'VALIDATION',
      `Rule ${out.id ?? ruleArn} is the listener's default rule; edit the listener's default action instead.`,
      { resource: ruleArn },
    );
  const arn = out.arn ?? ruleArn;
  const action = toRuleAction(out.action, arnContextOf(arn));
  const match = toRuleMatch(out.match) ?? { headers: [] };
  const lastUpdatedAt = iso(out.lastUpdatedAt);
  const priority = out.priority ?? 0;
  return {
    arn,
    id: out.id ?? arn.split('/').pop() ?? arn,
    name: out.name ?? '',
    priority,
    match,
    ...(action ? { action } : {}),
    ...(lastUpdatedAt ? { lastUpdatedAt } : {}),
    version: versionOf({ priority, match, ...(action ? { action } : {}), ...(lastUpdatedAt ? { lastUpdatedAt } : {}) }),
  };
}

/** ListRules of a listener (summaries, default rule included). */
export function listRuleSummaries(
  ctx: RoutingContext,
  serviceArn: string,
  listenerArn: string,
): Promise<RuleSummary[]> {
  return allPages((nextToken) =>
    latticeCall(ctx, listenerArn, 'ListRules', (c, abortSignal) =>
      c.send(
        new ListRulesCommand({
          serviceIdentifier: serviceArn,
          listenerIdentifier: listenerArn,
          maxResults: 100,
          ...(nextToken ? { nextToken } : {}),
        }),
        { abortSignal },
      ),
    ),
  );
}
