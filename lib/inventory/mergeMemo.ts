/**
 * The merged snapshot, made again only when what it is made of changed: the configured accounts (ids,
 * names, regions) or one of the cached segments (each crawl or patch replaces a segment object, never
 * edits one). Reads between refreshes then get the same `Snapshot` object, which lets its readers keep
 * what they derived from it (the topology route keeps its serialised bytes, lib/topology/snapshotWire).
 */
import type { Snapshot } from '../domain/snapshot';
import { type MergeAccount, mergeSegments } from './merge';
import type { SegmentData } from './types';

const accountsKey = (accounts: readonly MergeAccount[]) =>
  JSON.stringify(accounts.map((a) => [a.accountId, a.name, a.regions]));

/** Remembers the last merge. */
export class MergeMemo {
  private last: { accounts: string; segments: readonly SegmentData[]; snapshot: Snapshot } | undefined;

  /** `mergeSegments(accounts, segments)`, or the last result when its inputs are the same. */
  merge(accounts: readonly MergeAccount[], segments: readonly SegmentData[]): Snapshot {
    const key = accountsKey(accounts);
    const last = this.last;
    if (
      last &&
      last.accounts === key &&
      last.segments.length === segments.length &&
      last.segments.every((s, i) => s === segments[i])
    )
      return last.snapshot;
    const snapshot = mergeSegments(accounts, segments);
    this.last = { accounts: key, segments: [...segments], snapshot };
    return snapshot;
  }
}
