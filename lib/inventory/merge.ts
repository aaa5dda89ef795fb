/**
 * Segments → one `Snapshot`. Pure. A resource seen by several segments (a network or service shared
 * through AWS RAM) becomes one entry keyed by ARN: fields from the owner's view win, missing ones
 * are filled from the others, and `visibleTo` is the union of the accounts that listed it. Every
 * array is sorted by ARN (targets by id and port, problems by account, region, operation, ARN).
 */
import type { ErrorInfo } from '../domain/errors';
import {
  emptySnapshot,
  type AccountStatus,
  type Problem,
  type ResourceBase,
  type Snapshot,
  type Target,
} from '../domain/snapshot';
import { emptyVpcResources, type VpcResources } from '../domain/vpcResources';
import type { SegmentData } from './types';

const VPC_RESOURCE_KEYS = Object.keys(emptyVpcResources()) as Array<keyof VpcResources>;

/** One VPC-resource list of the snapshot, deduped by ARN (segments cached before it existed have none). */
function mergeVpcList<K extends keyof VpcResources>(out: VpcResources, key: K, r: readonly Partial<VpcResources>[]) {
  out[key] = dedupeByArn(r.flatMap((x) => (x[key] ?? []) as VpcResources[K][number][])) as VpcResources[K];
}

/** An account as the merge needs it (the configuration's order is kept). */
export interface MergeAccount {
  accountId: string;
  name: string;
  regions: string[];
}

type Visible = ResourceBase & { visibleTo?: string[] };

function definedKeys(o: object): number {
  return Object.values(o).filter((v) => v !== undefined).length;
}

/**
 * Merges the entries of one ARN: the owner's own view first, then the most complete; later-ranked
 * entries only fill fields the better ones lack.
 */
export function mergeEntries<T extends Visible>(entries: readonly T[]): T {
  const isOwnView = (e: T) => (e.visibleTo ?? []).includes(e.accountId);
  const ranked = [...entries].sort(
    (a, b) => Number(isOwnView(b)) - Number(isOwnView(a)) || definedKeys(b) - definedKeys(a),
  );
  const merged = Object.assign({}, ...ranked.slice().reverse()) as T;
  if (entries.some((e) => e.visibleTo !== undefined)) {
    merged.visibleTo = [...new Set(entries.flatMap((e) => e.visibleTo ?? []))].sort();
  }
  return merged;
}

/** Dedupes by ARN (merging duplicates) and sorts by ARN. */
export function dedupeByArn<T extends Visible>(items: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const g = groups.get(item.arn);
    if (g) g.push(item);
    else groups.set(item.arn, [item]);
  }
  return [...groups.keys()].sort().map((arn) => mergeEntries(groups.get(arn) ?? []));
}

function compareTargets(a: Target, b: Target): number {
  return a.id.localeCompare(b.id) || (a.port ?? 0) - (b.port ?? 0);
}

function compareProblems(a: Problem, b: Problem): number {
  return (
    a.accountId.localeCompare(b.accountId) ||
    (a.region ?? '').localeCompare(b.region ?? '') ||
    a.operation.localeCompare(b.operation) ||
    (a.resourceArn ?? '').localeCompare(b.resourceArn ?? '')
  );
}

function accountStatus(account: MergeAccount, segments: readonly SegmentData[]): AccountStatus {
  const unreachable = segments.find((s) => !s.reachable);
  const error: ErrorInfo | undefined = unreachable?.error;
  return {
    accountId: account.accountId,
    name: account.name,
    regions: [...account.regions],
    reachable: segments.length > 0 && unreachable === undefined,
    ...(error ? { error } : {}),
    fetchedAt: segments.length > 0 ? Math.min(...segments.map((s) => s.fetchedAt)) : 0,
  };
}

/** Builds the snapshot of `accounts` from their segments (segments of other accounts are ignored). */
export function mergeSegments(accounts: readonly MergeAccount[], segments: readonly SegmentData[]): Snapshot {
  const out = emptySnapshot();
  const wanted = new Set(accounts.flatMap((a) => a.regions.map((r) => `${a.accountId}|${r}`)));
  const used = segments.filter((s) => wanted.has(`${s.accountId}|${s.region}`));
  out.accounts = accounts.map((a) =>
    accountStatus(
      a,
      used.filter((s) => s.accountId === a.accountId),
    ),
  );
  const fetched = out.accounts.filter((a) => a.fetchedAt > 0).map((a) => a.fetchedAt);
  out.fetchedAt = fetched.length > 0 ? Math.min(...fetched) : 0;

  const r = used.map((s) => s.resources);
  out.serviceNetworks = dedupeByArn(r.flatMap((x) => x.serviceNetworks));
  out.services = dedupeByArn(r.flatMap((x) => x.services));
  out.serviceAssociations = dedupeByArn(r.flatMap((x) => x.serviceAssociations));
  out.vpcAssociations = dedupeByArn(r.flatMap((x) => x.vpcAssociations));
  out.listeners = dedupeByArn(r.flatMap((x) => x.listeners));
  out.rules = dedupeByArn(r.flatMap((x) => x.rules));
  out.targetGroups = dedupeByArn(r.flatMap((x) => x.targetGroups));
  out.accessLogSubscriptions = dedupeByArn(r.flatMap((x) => x.accessLogSubscriptions));
  for (const k of VPC_RESOURCE_KEYS) mergeVpcList(out, k, r);
  const targets = new Map<string, Target[]>();
  for (const s of used)
    for (const [arn, list] of Object.entries(s.resources.targets)) targets.set(arn, [...list].sort(compareTargets));
  for (const arn of [...targets.keys()].sort()) out.targets[arn] = targets.get(arn) ?? [];
  out.problems = used.flatMap((s) => s.problems).sort(compareProblems);
  return out;
}
