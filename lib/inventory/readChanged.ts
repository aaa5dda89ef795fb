/**
 * Phase two of an incremental refresh: the lists of phase one were read again (one call per page);
 * details are read only for what changed since the prior read of the segment (`lastUpdatedAt` of
 * the listed summaries), everything else is carried over, and what is no longer listed drops out.
 *
 * | kind | read again when | else |
 * |---|---|---|
 * | network | new or changed: Get, access logs; associations always (skipped when the counts are 0) | carried |
 * | service (owner) | new or changed: Get, listeners, rules, access logs | carried |
 * | listeners | service in this refresh's sweep share (rotating: every service within `sweep` refreshes) | carried |
 * | rules | listener re-listed, or named dirty by a Trellis write: ListRules, GetRule only for new/changed | carried |
 * | service (foreign) | new or changed: Get | carried |
 * | target health | group watched (in view, named by triage) or in this refresh's health share | carried |
 *
 * Rules hide under listeners (a rule's change does not touch its service or listener), hence the
 * sweep for changes made outside Trellis and the dirty hint for Trellis's own.
 */
import 'server-only';
import type { LatticeGateway } from '../aws/latticeGateway';
import type { Listener } from '../domain/snapshot';
import type { ReadPlan } from './plan';
import { type PriorIndex, unchanged } from './prior';
import { readNetwork } from './readNetworks';
import { getRule, getService, readOwnService, readTargets } from './readServices';
import type { SegmentRun } from './segmentRun';

/** What an incremental refresh reads besides what changed. */
export interface RefreshHints {
  /** Listeners whose rules Trellis wrote since the prior read (ARNs). */
  dirtyListeners: ReadonlySet<string>;
  /** Whether a service's listeners and rules are swept (re-listed) in this refresh. */
  sweep(serviceArn: string): boolean;
  /** Whether a target group's health is read in this refresh. */
  health(targetGroupArn: string): boolean;
}

function carryRules(run: SegmentRun, prior: PriorIndex, listenerArn: string): void {
  run.rules.push(...(prior.rulesByListener.get(listenerArn) ?? []));
}

function carryAccessLogs(run: SegmentRun, prior: PriorIndex, resourceArn: string): void {
  run.accessLogSubscriptions.push(...(prior.accessLogsByResource.get(resourceArn) ?? []));
}

/** ListRules of one listener; GetRule only for rules new or changed since the prior read. */
export async function readChangedRules(
  lattice: LatticeGateway,
  run: SegmentRun,
  listener: Listener,
  prior: PriorIndex,
): Promise<void> {
  const got = await lattice.listRules(listener.serviceArn, listener.arn);
  if (got.error !== undefined) {
    run.fail('ListRules', got.error, listener.arn);
    if (got.items.length === 0) return carryRules(run, prior, listener.arn);
  }
  const jobs: Array<Promise<void>> = [];
  for (const summary of got.items) {
    const before = prior.rules.get(summary.arn);
    if (before && unchanged(summary, before)) {
      run.rules.push(before);
      if (before.isDefault && before.action) listener.defaultAction = before.action;
    } else jobs.push(getRule(lattice, run, listener, summary));
  }
  await Promise.all(jobs);
}

/** Listeners and rules of an unchanged service: swept, patched where Trellis wrote, or carried. */
async function readUnchangedListeners(
  lattice: LatticeGateway,
  run: SegmentRun,
  serviceArn: string,
  prior: PriorIndex,
  hints: RefreshHints,
): Promise<void> {
  const before = prior.listenersByService.get(serviceArn) ?? [];
  let listeners = before.map((l) => ({ ...l }));
  let relist = (l: Listener) => hints.dirtyListeners.has(l.arn);
  if (hints.sweep(serviceArn)) {
    const got = await lattice.listListeners(serviceArn);
    if (got.error !== undefined) run.fail('ListListeners', got.error, serviceArn);
    else {
      const known = new Map(before.map((l) => [l.arn, l]));
      listeners = got.items.map((l) => ({ ...known.get(l.arn), ...l }));
      relist = () => true;
    }
  }
  run.listeners.push(...listeners);
  await Promise.all(
    listeners.map((l) => (relist(l) ? readChangedRules(lattice, run, l, prior) : carryRules(run, prior, l.arn))),
  );
}

async function readChangedNetworks(lattice: LatticeGateway, run: SegmentRun, plan: ReadPlan, prior: PriorIndex) {
  const gets = new Set(plan.foreignNetworkGets);
  const assoc = new Set(plan.foreignNetworkAssociations);
  const jobs: Array<Promise<void>> = [];
  for (const arn of new Set([...plan.ownNetworks, ...gets, ...assoc])) {
    const own = plan.ownNetworks.includes(arn);
    const listed = run.networks.get(arn);
    const before = prior.networks.get(arn);
    const changed = !listed || !unchanged(listed.network, before);
    if (!changed && listed && before) listed.network = { ...before, visibleTo: listed.network.visibleTo };
    if (own && !changed) carryAccessLogs(run, prior, arn);
    jobs.push(
      readNetwork(lattice, run, arn, {
        get: changed && (own || gets.has(arn)),
        associations: own || assoc.has(arn),
        accessLogs: own && changed,
      }),
    );
  }
  await Promise.all(jobs);
}

/** Reads what changed of one segment since `prior`; see the module comment. */
export async function readChangedDetails(
  lattice: LatticeGateway,
  run: SegmentRun,
  plan: ReadPlan,
  prior: PriorIndex,
  hints: RefreshHints,
): Promise<void> {
  const jobs: Array<Promise<void>> = [readChangedNetworks(lattice, run, plan, prior)];
  const changedService = (arn: string) => {
    const listed = run.services.get(arn);
    const before = prior.services.get(arn);
    if (listed && before && unchanged(listed, before)) {
      run.services.set(arn, { ...before, visibleTo: listed.visibleTo });
      return false;
    }
    return true;
  };
  for (const arn of plan.ownServices) {
    if (changedService(arn)) jobs.push(readOwnService(lattice, run, arn));
    else {
      carryAccessLogs(run, prior, arn);
      jobs.push(readUnchangedListeners(lattice, run, arn, prior, hints));
    }
  }
  for (const arn of plan.foreignServiceGets) if (changedService(arn)) jobs.push(getService(lattice, run, arn));
  for (const tg of run.targetGroups) {
    const before = prior.targets[tg.arn];
    if (before && !hints.health(tg.arn)) run.targets[tg.arn] = before;
    else jobs.push(readTargets(lattice, run, tg.arn));
  }
  await Promise.all(jobs);
}
