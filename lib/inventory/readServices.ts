/**
 * Phase two for services and target groups. A service's owner reads GetService (ListServices lacks
 * authType), its listeners, each listener's rules (ListRules, then GetRule for match and action:
 * the default rule's action is the listener's default action, so GetListener is not needed) and its
 * access-log subscriptions. Target groups: ListTargets only (the List of phase one had the rest).
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import type { RuleSummary } from '../aws/listenerMappers';
import type { Listener } from '../domain/snapshot';
import { keep, listAccessLogs } from './readNetworks';
import type { SegmentRun } from './segmentRun';

/** GetService of a listed service; the result replaces the list view. */
export async function getService(lattice: LatticeGateway, run: SegmentRun, arn: string): Promise<void> {
  try {
    run.services.set(arn, await lattice.getService(arn));
  } catch (e) {
    run.fail('GetService', e, arn);
  }
}

/** GetRule of a listed rule; the default rule also gives the listener its default action. */
export async function getRule(lattice: LatticeGateway, run: SegmentRun, listener: Listener, summary: RuleSummary) {
  try {
    const rule = await lattice.getRule(listener.serviceArn, listener.arn, summary.id, summary.arn);
    run.rules.push(rule);
    if (rule.isDefault && rule.action) listener.defaultAction = rule.action;
  } catch (e) {
    run.fail('GetRule', e, summary.arn);
  }
}

async function readRules(lattice: LatticeGateway, run: SegmentRun, listener: Listener): Promise<void> {
  const got = await lattice.listRules(listener.serviceArn, listener.arn);
  if (got.error !== undefined) run.fail('ListRules', got.error, listener.arn);
  await Promise.all(got.items.map((r) => getRule(lattice, run, listener, r)));
}

/** The listeners of a service and each listener's rules. */
export async function readListeners(lattice: LatticeGateway, run: SegmentRun, serviceArn: string): Promise<void> {
  const got = await lattice.listListeners(serviceArn);
  keep(run, 'ListListeners', serviceArn, got, run.listeners);
  await Promise.all(got.items.map((l) => readRules(lattice, run, l)));
}

/** Everything the owner reads of its service. */
export async function readOwnService(lattice: LatticeGateway, run: SegmentRun, arn: string): Promise<void> {
  await Promise.all([
    getService(lattice, run, arn),
    readListeners(lattice, run, arn),
    listAccessLogs(lattice, run, arn),
  ]);
}

/** The targets of one target group with their health. */
export async function readTargets(lattice: LatticeGateway, run: SegmentRun, targetGroupArn: string): Promise<void> {
  const got = await lattice.listTargets(targetGroupArn);
  // A failed first page leaves the health unknown (no entry) rather than "no targets".
  if (got.error === undefined || got.items.length > 0) run.targets[targetGroupArn] = got.items;
  if (got.error !== undefined) run.fail('ListTargets', got.error, targetGroupArn);
}
