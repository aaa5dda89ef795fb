/**
 * One crawl of VPC Lattice over a set of (account, region) segments: phase one lists what each
 * segment sees; `planReads` decides who reads each resource (once, preferably its owner); phase two
 * reads the details. Failures become problems of their segment; the crawl as a whole has a deadline
 * after which the calls still pending are cut short and what was read is returned.
 */
import 'server-only';
import { setMaxListeners } from 'node:events';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { AccountConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { LatticeGateway } from '../aws/latticeGateway';
import type { PacerPool } from '../aws/pacer';
import { CallMeter, type CallStats } from './meter';
import { planReads, type OwnerServed, type ReadPlan } from './plan';
import { readLists } from './readLists';
import type { PriorIndex } from './prior';
import { readChangedDetails, type RefreshHints } from './readChanged';
import { readNetwork } from './readNetworks';
import { applyOwners, readOwnerTags } from './readOwners';
import { readResourceDetails, readResourceLists } from './readResources';
import { getService, readOwnService, readTargets } from './readServices';
import { SegmentRun } from './segmentRun';
import { segmentKey, type SegmentData } from './types';

/** One (account, region) to crawl. */
export interface CrawlTarget {
  account: AccountConfig;
  region: string;
}

/** Options of a crawl. */
export interface CrawlOptions {
  /** The signed-in user: the SourceIdentity of the AssumeRole sessions used. */
  user?: string;
  /** Deadline of the whole crawl (ms). Default `crawlDeadlineMs` of the call budget. */
  deadlineMs?: number;
  /** Cancels the crawl (pending calls are cut short). */
  signal?: AbortSignal;
  /** Pacers to use (the learned rates persist in them); default: one pool per factory. */
  pacers?: PacerPool;
  /** Owners served from outside this crawl (cached and reachable): their resources are not read again. */
  ownerServed?: OwnerServed;
  /**
   * The prior read of a segment and the hints of this refresh: with them the segment is refreshed
   * incrementally (lists again, details only of what changed); without, read in full.
   */
  prior?: (accountId: string, region: string) => { index: PriorIndex; hints: RefreshHints } | undefined;
  now?: () => number;
}

/** The segments read, and the calls it took. */
export interface CrawlResult {
  segments: SegmentData[];
  calls: CallStats;
  startedAt: number;
  durationMs: number;
}

/** Default deadline of a crawl at a call budget of 20 requests/s (AWS's rate limit) or more. */
export const CRAWL_DEADLINE_MS = 120_000;

/** The default deadline at a call budget: a smaller budget makes a full crawl longer (480 s at 5/s). */
export function crawlDeadlineMs(callBudget: number): number {
  return Math.round(CRAWL_DEADLINE_MS * Math.max(1, 20 / callBudget));
}

async function readDetails(lattice: LatticeGateway, run: SegmentRun, plan: ReadPlan | undefined): Promise<void> {
  if (!run.reachable || !plan) return;
  const jobs: Array<Promise<void>> = [];
  for (const arn of plan.ownNetworks)
    jobs.push(readNetwork(lattice, run, arn, { get: true, associations: true, accessLogs: true }));
  const gets = new Set(plan.foreignNetworkGets);
  for (const arn of new Set([...plan.foreignNetworkGets, ...plan.foreignNetworkAssociations])) {
    jobs.push(
      readNetwork(lattice, run, arn, {
        get: gets.has(arn),
        associations: plan.foreignNetworkAssociations.includes(arn),
        accessLogs: false,
      }),
    );
  }
  for (const arn of plan.ownServices) jobs.push(readOwnService(lattice, run, arn));
  for (const arn of plan.foreignServiceGets) jobs.push(getService(lattice, run, arn));
  for (const tg of run.targetGroups) jobs.push(readTargets(lattice, run, tg.arn));
  jobs.push(readResourceDetails(lattice, run, plan.ownNetworks));
  const owners = readOwnerTags(lattice, run, plan.ownServices);
  await Promise.all(jobs);
  await applyOwners(lattice, run, await owners);
}

/** Phase two of an incremental refresh: what changed (readChanged.ts), the VPC resources and the owners. */
async function readChangedAll(
  lattice: LatticeGateway,
  run: SegmentRun,
  plan: ReadPlan,
  prior: PriorIndex,
  hints: RefreshHints,
): Promise<void> {
  await Promise.all([
    readChangedDetails(lattice, run, plan, prior, hints),
    readResourceDetails(lattice, run, plan.ownNetworks, prior),
  ]);
  await applyOwners(lattice, run, await readOwnerTags(lattice, run, plan.ownServices, prior), prior);
}

/** Crawls `targets` as `opts.user`. Never throws for AWS failures: they are in the segments. */
export async function crawl(
  factory: AwsClientFactory,
  targets: readonly CrawlTarget[],
  opts: CrawlOptions = {},
): Promise<CrawlResult> {
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const deadlineMs = opts.deadlineMs ?? crawlDeadlineMs(factory.config.callBudget);
  const ctl = new AbortController();
  // Every pending call listens to the crawl's signal; hundreds at once are expected, not a leak.
  setMaxListeners(0, ctl.signal);
  const timer = setTimeout(() => {
    ctl.abort(
      new TrellisError(
        'TIMEOUT',
        `The inventory crawl did not finish within ${Math.round(deadlineMs / 1000)} s; what was read is shown ` +
          `— refresh to try again.`,
        { retryable: true },
      ),
    );
  }, deadlineMs);
  const onAbort = () =>
    ctl.abort(new TrellisError('TIMEOUT', 'The inventory crawl was cancelled.', { retryable: true }));
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener('abort', onAbort, { once: true });

  const meter = new CallMeter();
  // Background: a user's write (or read) of the same account goes before the crawl's queued calls.
  const options = {
    priority: 'background' as const,
    observer: meter,
    signal: ctl.signal,
    throttleRetries: 4,
    ...(opts.pacers ? { pacers: opts.pacers } : {}),
  };
  const lattice = (r: SegmentRun) =>
    factory.gateways
      .lattice({ accountId: r.accountId, region: r.region, ...(opts.user ? { user: opts.user } : {}) })
      .with(options);
  const abortReason = () => (ctl.signal.aborted ? (ctl.signal.reason as unknown) : undefined);
  const runs = targets.map((t) => new SegmentRun(t.account, t.region, abortReason));
  try {
    await Promise.all(runs.map((r) => readLists(lattice(r), r).then(() => readResourceLists(lattice(r), r))));
    const plans = planReads(
      runs.map((r) => ({
        accountId: r.accountId,
        region: r.region,
        reachable: r.reachable,
        networkArns: [...r.networks.keys()],
        serviceArns: [...r.services.keys()],
      })),
      opts.ownerServed ?? (() => false),
    );
    await Promise.all(
      runs.map((r) => {
        const plan = plans.get(segmentKey(r.accountId, r.region));
        const prior = r.reachable ? opts.prior?.(r.accountId, r.region) : undefined;
        return prior && plan
          ? readChangedAll(lattice(r), r, plan, prior.index, prior.hints)
          : readDetails(lattice(r), r, plan);
      }),
    );
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
  return {
    segments: runs.map((r) => r.toData(startedAt, opts.user)),
    calls: meter.stats(),
    startedAt,
    durationMs: now() - startedAt,
  };
}
