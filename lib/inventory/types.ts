/**
 * What one (account, region) contributes to the inventory: the unit the crawler produces, the cache
 * stores and `mergeSegments` joins into a `Snapshot`. Plain data.
 */
import type { ErrorInfo } from '../domain/errors';
import type { Problem, Snapshot } from '../domain/snapshot';
import { emptyVpcResources } from '../domain/vpcResources';

/**
 * The resources a segment read (a snapshot's resource lists). Networks and services may be partial (list view
 * only).
 */
export type SegmentResources = Omit<Snapshot, 'fetchedAt' | 'accounts' | 'problems'>;

/**
 * One account in one region as one crawl saw it. `visibleTo` of its networks and services is just
 * this account; merging unions them.
 */
export interface SegmentData {
  accountId: string;
  /** Display name from the configuration. */
  name: string;
  region: string;
  /** False when the account could not be read at all (its role could not be assumed, or every List failed). */
  reachable: boolean;
  error?: ErrorInfo;
  /** When the crawl that read it started (ms since the epoch). */
  fetchedAt: number;
  /**
   * The signed-in user whose SourceIdentity the crawl's AssumeRole sessions carried (undefined: the
   * console's own identity). Cached data may be served to other users; only this user appears in
   * CloudTrail for these reads. Never sent to the browser.
   */
  crawledAs?: string;
  resources: SegmentResources;
  problems: Problem[];
}

/** An empty set of resources. */
export function emptyResources(): SegmentResources {
  return {
    serviceNetworks: [],
    services: [],
    serviceAssociations: [],
    vpcAssociations: [],
    listeners: [],
    rules: [],
    targetGroups: [],
    targets: {},
    accessLogSubscriptions: [],
    ...emptyVpcResources(),
  };
}

/** The cache key of an (account, region). */
export function segmentKey(accountId: string, region: string): string {
  return `${accountId}|${region}`;
}
