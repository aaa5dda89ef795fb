/**
 * Phase two for services and target groups. A service's owner reads GetService (ListServices lacks
 * authType), its listeners, each listener's rules (ListRules, then GetRule for match and action:
 * the default rule's action is the listener's default action, so GetListener is not needed) and its
 * access-log subscriptions. Target groups: ListTargets only (the List of phase one had the rest).
 */
import 'server-only';
import {
  GetRuleCommand,
  GetServiceCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListTargetsCommand,
  type RuleSummary,
} from '@aws-sdk/client-vpc-lattice';
import type { Listener } from '../domain/snapshot';
import type { LatticeCaller } from './caller';
import { collectPages, PAGE_SIZE } from '../aws/paginate';
import { listAccessLogs } from './readNetworks';
import type { SegmentRun } from './segmentRun';
import { mapDefined, toListener, toRule, toService, toTarget } from './toDomain';

const page = (nextToken: string | undefined) => ({ maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });

/** GetService of a listed service; the result replaces the list view. */
export async function getService(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'GetService', resource: arn };
  try {
    const out = await caller.send(site, new GetServiceCommand({ serviceIdentifier: arn }), (c, cmd, signal) =>
      c.send(cmd, { abortSignal: signal }),
    );
    const svc = toService(out, run.region, run.accountId);
    if (svc) run.services.set(arn, svc);
  } catch (e) {
    run.fail(site.operation, e, arn);
  }
}

async function getRule(
  caller: LatticeCaller,
  run: SegmentRun,
  listener: Listener,
  summary: RuleSummary,
): Promise<void> {
  const ruleArn = summary.arn ?? summary.id ?? '';
  const site = { accountId: run.accountId, region: run.region, operation: 'GetRule', resource: ruleArn };
  try {
    const out = await caller.send(
      site,
      new GetRuleCommand({
        serviceIdentifier: listener.serviceArn,
        listenerIdentifier: listener.arn,
        ruleIdentifier: summary.id ?? ruleArn,
      }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    );
    const rule = toRule(out, listener.serviceArn, listener.arn, run.region);
    if (!rule) return;
    run.rules.push(rule);
    if (rule.isDefault && rule.action) listener.defaultAction = rule.action;
  } catch (e) {
    run.fail(site.operation, e, ruleArn);
  }
}

async function readRules(caller: LatticeCaller, run: SegmentRun, listener: Listener): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'ListRules', resource: listener.arn };
  const got = await collectPages((t) =>
    caller.send(
      site,
      new ListRulesCommand({ serviceIdentifier: listener.serviceArn, listenerIdentifier: listener.arn, ...page(t) }),
      (c, cmd, signal) => c.send(cmd, { abortSignal: signal }),
    ),
  );
  if (got.error !== undefined) run.fail(site.operation, got.error, listener.arn);
  await Promise.all(got.items.map((r) => getRule(caller, run, listener, r)));
}

async function readListeners(caller: LatticeCaller, run: SegmentRun, serviceArn: string): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'ListListeners', resource: serviceArn };
  const got = await collectPages((t) =>
    caller.send(site, new ListListenersCommand({ serviceIdentifier: serviceArn, ...page(t) }), (c, cmd, signal) =>
      c.send(cmd, { abortSignal: signal }),
    ),
  );
  if (got.error !== undefined) run.fail(site.operation, got.error, serviceArn);
  const listeners = mapDefined(got.items, (l) => toListener(l, serviceArn, run.region));
  run.listeners.push(...listeners);
  await Promise.all(listeners.map((l) => readRules(caller, run, l)));
}

/** Everything the owner reads of its service. */
export async function readOwnService(caller: LatticeCaller, run: SegmentRun, arn: string): Promise<void> {
  await Promise.all([getService(caller, run, arn), readListeners(caller, run, arn), listAccessLogs(caller, run, arn)]);
}

/** The targets of one target group with their health. */
export async function readTargets(caller: LatticeCaller, run: SegmentRun, targetGroupArn: string): Promise<void> {
  const site = { accountId: run.accountId, region: run.region, operation: 'ListTargets', resource: targetGroupArn };
  const got = await collectPages((t) =>
    caller.send(site, new ListTargetsCommand({ targetGroupIdentifier: targetGroupArn, ...page(t) }), (c, cmd, signal) =>
      c.send(cmd, { abortSignal: signal }),
    ),
  );
  // A failed first page leaves the health unknown (no entry) rather than "no targets".
  if (got.error === undefined || got.items.length > 0) run.targets[targetGroupArn] = mapDefined(got.items, toTarget);
  if (got.error !== undefined) run.fail(site.operation, got.error, targetGroupArn);
}
