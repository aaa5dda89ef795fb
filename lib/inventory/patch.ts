/**
 * Patches the cached segment of a listener's owner right after Trellis wrote the listener's rules:
 * ListRules of that listener and GetRule of what changed (two calls for one changed rule), at the
 * user's priority, so that the change is in the next snapshot without waiting for a refresh.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { AccountConfig } from '../config';
import { childOwner } from '../domain/owner';
import type { Listener } from '../domain/snapshot';
import { indexPrior } from './prior';
import { readChangedRules } from './readChanged';
import { SegmentRun } from './segmentRun';
import type { SegmentData } from './types';

/** The segment with the rules of `listenerArns` read again (listeners it does not hold are left to the refresh). */
export async function patchListeners(
  factory: AwsClientFactory,
  account: AccountConfig,
  segment: SegmentData,
  listenerArns: readonly string[],
  user: string | undefined,
): Promise<SegmentData> {
  const run = new SegmentRun(account, segment.region, () => undefined);
  const prior = indexPrior(segment);
  const lattice = factory.gateways
    .lattice({ accountId: segment.accountId, region: segment.region, ...(user ? { user } : {}) })
    .with({ priority: 'interactive', throttleRetries: 2 });
  const patched = new Map<string, Listener>();
  await Promise.all(
    listenerArns.map((arn) => {
      const listener = segment.resources.listeners.find((l) => l.arn === arn);
      if (!listener) return undefined;
      const copy = { ...listener };
      patched.set(arn, copy);
      return readChangedRules(lattice, run, copy, prior);
    }),
  );
  const r = segment.resources;
  // A rule read again (GetRule) comes without its owner. Its tags did not change with the edit, so it keeps the
  // one it had; a new rule inherits as the crawl would give it (an EKS service's, a default rule its listener's).
  const serviceOwner = new Map(r.services.map((s) => [s.arn, s.owner]));
  for (const rule of run.rules) {
    if (rule.owner) continue;
    const own = prior.rules.get(rule.arn)?.owner ?? (rule.isDefault ? patched.get(rule.listenerArn)?.owner : undefined);
    const owner = childOwner(own, serviceOwner.get(rule.serviceArn));
    if (owner) rule.owner = owner;
  }
  return {
    ...segment,
    resources: {
      ...r,
      listeners: r.listeners.map((l) => patched.get(l.arn) ?? l),
      rules: [...r.rules.filter((x) => !patched.has(x.listenerArn)), ...run.rules],
    },
    problems: [...segment.problems, ...run.problems],
  };
}
