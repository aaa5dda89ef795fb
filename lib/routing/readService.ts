/**
 * One service's routing, read fresh from the Lattice API for the routing page: GetService,
 * ListListeners + GetListener, ListRules + GetRule, its tags (the owner), the account's target groups (names, for the
 * picker) and the health of those the service forwards to (ListTargets). A call that fails becomes a
 * `problem` and the rest is still shown.
 */
import 'server-only';
import { mapLimited } from '../aws/concurrency';
import { orThrow } from '../aws/paginate';
import { parseLatticeArn } from '../domain/arn';
import { toErrorInfo } from '../domain/errors';
import type { Owner } from '../domain/owner';
import type { ListenerView, RuleView, ServiceRouting, TargetGroupView } from './view';
import { healthSummary, type Listener, type Problem, type TargetGroup } from '../domain/snapshot';
import { latticeOf, ownerScope, type RoutingContext } from './context';
import { readOwner } from './ownership';
import { listRuleSummaries, readListener, readRule, type ListenerRead } from './readRules';

const PARALLEL = 6;

function problem(accountId: string, region: string, operation: string, resourceArn: string, e: unknown): Problem {
  return { accountId, region, operation, resourceArn, error: toErrorInfo(e) };
}

async function readListenerView(
  ctx: RoutingContext,
  serviceArn: string,
  summary: Listener,
  problems: Problem[],
): Promise<ListenerView | undefined> {
  const { accountId, region } = ownerScope(serviceArn);
  const arn = summary.arn;
  let listener: ListenerRead;
  try {
    listener = await readListener(ctx, serviceArn, arn);
  } catch (e) {
    problems.push(problem(accountId, region, 'GetListener', arn, e));
    return undefined;
  }
  const view: ListenerView = { ...listener, rules: [] };
  try {
    const summaries = (await listRuleSummaries(ctx, serviceArn, arn)).filter((r) => !r.isDefault);
    const rules = await mapLimited(summaries, PARALLEL, async (r) => {
      try {
        return await readRule(ctx, serviceArn, arn, r.arn);
      } catch (e) {
        problems.push(problem(accountId, region, 'GetRule', r.arn, e));
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

function toGroupView(g: TargetGroup): TargetGroupView {
  return {
    arn: g.arn,
    id: g.id,
    name: g.name,
    type: g.type,
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
        const targets = orThrow(await latticeOf(ctx, serviceArn).listTargets(g.arn));
        g.health = healthSummary(targets);
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
  const lattice = latticeOf(ctx, serviceArn);
  const svc = await lattice.getService(serviceArn);
  const [summaries, groups, owner] = await Promise.all([
    lattice.listListeners(serviceArn).then(orThrow),
    lattice
      .listTargetGroups()
      .then(orThrow)
      .catch((e: unknown) => {
        problems.push(problem(accountId, region, 'ListTargetGroups', serviceArn, e));
        return [] as TargetGroup[];
      }),
    readOwner(ctx, serviceArn).catch((e: unknown): Owner | undefined => {
      problems.push(problem(accountId, region, 'ListTagsForResource', serviceArn, e));
      return undefined;
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
      arn: svc.arn,
      id: svc.id,
      name: svc.name,
      accountId,
      region,
      ...(svc.status ? { status: svc.status } : {}),
      ...(owner ? { owner } : {}),
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
