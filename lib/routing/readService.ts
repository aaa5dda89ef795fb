/**
 * One service's routing, read fresh from the Lattice API for the routing page: GetService,
 * ListListeners + GetListener, ListRules + GetRule, the account's target groups (names, for the
 * picker) and the health of those the service forwards to (ListTargets). A call that fails becomes a
 * `problem` and the rest is still shown.
 */
import 'server-only';
import {
  GetServiceCommand,
  ListListenersCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
  type ListenerSummary,
  type TargetGroupSummary,
  type TargetSummary,
} from '@aws-sdk/client-vpc-lattice';
import { mapLimited } from '../aws/concurrency';
import { parseLatticeArn } from '../domain/arn';
import { toErrorInfo } from '../domain/errors';
import type { ListenerView, RuleView, ServiceRouting, TargetGroupView } from './view';
import { healthSummary, TARGET_STATUSES, type Problem, type Target, type TargetStatus } from '../domain/snapshot';
import { allPages, latticeCall, ownerScope, type RoutingContext } from './context';
import { listRuleSummaries, readListener, readRule, type ListenerRead } from './readRules';

const PARALLEL = 6;

function problem(accountId: string, region: string, operation: string, resourceArn: string, e: unknown): Problem {
  return { accountId, region, operation, resourceArn, error: toErrorInfo(e) };
}

async function readListenerView(
  ctx: RoutingContext,
  serviceArn: string,
  summary: ListenerSummary,
  problems: Problem[],
): Promise<ListenerView | undefined> {
  const { accountId, region } = ownerScope(serviceArn);
  const arn = summary.arn ?? '';
  let listener: ListenerRead;
  try {
    listener = await readListener(ctx, serviceArn, arn);
  } catch (e) {
    problems.push(problem(accountId, region, 'GetListener', arn, e));
    return undefined;
  }
  const view: ListenerView = { ...listener, rules: [] };
  try {
    const summaries = (await listRuleSummaries(ctx, serviceArn, arn)).filter((r) => !r.isDefault && r.arn);
    const rules = await mapLimited(summaries, PARALLEL, async (r) => {
      try {
        return await readRule(ctx, serviceArn, arn, r.arn!);
      } catch (e) {
        problems.push(problem(accountId, region, 'GetRule', r.arn!, e));
        return undefined;
      }
    });
    view.rules = rules.filter((r): r is RuleView => r !== undefined).sort((a, b) => a.priority - b.priority);
  } catch (e) {
    view.rulesError = toErrorInfo(e);
    problems.push(problem(accountId, region, 'ListRules', arn, e));
  }
  return view;
}

function toTarget(t: TargetSummary): Target {
  const status = (TARGET_STATUSES as readonly string[]).includes(t.status ?? '')
    ? (t.status as TargetStatus)
    : 'UNAVAILABLE';
  return {
    id: t.id ?? '',
    status,
    ...(t.port !== undefined ? { port: t.port } : {}),
    ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
  };
}

function toGroupView(g: TargetGroupSummary): TargetGroupView {
  return {
    arn: g.arn ?? '',
    id: g.id ?? '',
    name: g.name ?? g.id ?? '',
    ...(g.type ? { type: g.type } : {}),
    ...(g.protocol ? { protocol: g.protocol } : {}),
    ...(g.status ? { status: g.status } : {}),
  };
}

/** Health of the target groups the service forwards to (the others are left unread). */
async function addHealth(
  ctx: RoutingContext,
  serviceArn: string,
  groups: TargetGroupView[],
  used: Set<string>,
  problems: Problem[],
): Promise<void> {
  const { accountId, region } = ownerScope(serviceArn);
  await mapLimited(
    groups.filter((g) => used.has(g.arn)),
    PARALLEL,
    async (g) => {
      try {
        const targets = await allPages((nextToken) =>
          latticeCall(
            ctx,
            serviceArn,
            'ListTargets',
            (c, abortSignal) =>
              c.send(
                new ListTargetsCommand({
                  targetGroupIdentifier: g.arn,
                  maxResults: 100,
                  ...(nextToken ? { nextToken } : {}),
                }),
                { abortSignal },
              ),
            g.arn,
          ),
        );
        g.health = healthSummary(targets.map(toTarget));
      } catch (e) {
        g.healthError = toErrorInfo(e);
        problems.push(problem(accountId, region, 'ListTargets', g.arn, e));
      }
    },
  );
}

/** Reads one service's routing. Throws only when the service itself cannot be read. */
export async function readServiceRouting(ctx: RoutingContext, serviceArn: string): Promise<ServiceRouting> {
  const { accountId, region } = ownerScope(serviceArn);
  const problems: Problem[] = [];
  const svc = await latticeCall(ctx, serviceArn, 'GetService', (c, abortSignal) =>
    c.send(new GetServiceCommand({ serviceIdentifier: serviceArn }), { abortSignal }),
  );
  const [summaries, groups] = await Promise.all([
    allPages((nextToken) =>
      latticeCall(ctx, serviceArn, 'ListListeners', (c, abortSignal) =>
        c.send(
          new ListListenersCommand({
            serviceIdentifier: serviceArn,
            maxResults: 100,
            ...(nextToken ? { nextToken } : {}),
          }),
          { abortSignal },
        ),
      ),
    ),
    allPages((nextToken) =>
      latticeCall(ctx, serviceArn, 'ListTargetGroups', (c, abortSignal) =>
        c.send(new ListTargetGroupsCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }), { abortSignal }),
      ),
    ).catch((e: unknown) => {
      problems.push(problem(accountId, region, 'ListTargetGroups', serviceArn, e));
      return [] as TargetGroupSummary[];
    }),
  ]);
  const listeners = (
    await mapLimited(summaries, PARALLEL, (l) => readListenerView(ctx, serviceArn, l, problems))
  ).filter((l): l is ListenerView => l !== undefined);
  // Only the owner account's own target groups can be forwarded to.
  const own = groups
    .map(toGroupView)
    .filter((g) => parseLatticeArn(g.arn)?.accountId === accountId)
    .sort((a, b) => a.name.localeCompare(b.name));
  const used = new Set<string>();
  for (const l of listeners) {
    for (const a of [l.defaultAction, ...l.rules.map((r) => r.action)])
      if (a?.type === 'forward') for (const t of a.targetGroups) used.add(t.targetGroupArn);
  }
  await addHealth(ctx, serviceArn, own, used, problems);
  return {
    service: {
      arn: svc.arn ?? serviceArn,
      id: svc.id ?? '',
      name: svc.name ?? svc.id ?? '',
      accountId,
      region,
      ...(svc.status ? { status: svc.status } : {}),
      ...accountName(ctx, accountId),
    },
    listeners: listeners.sort((a, b) => (a.port ?? 0) - (b.port ?? 0) || a.name.localeCompare(b.name)),
    targetGroups: own,
    readAt: ctx.now(),
    problems,
  };
}

function accountName(ctx: RoutingContext, accountId: string): { accountName?: string } {
  const name = ctx.factory.config.accounts?.find((a) => a.accountId === accountId)?.name;
  return name ? { accountName: name } : {};
}
