/**
 * Patches the cached segment of a listener's owner right after Trellis wrote the listener's rules:
 * ListRules of that listener and GetRule of what changed (two calls for one changed rule), at the
 * user's priority, so that the change is in the next snapshot without waiting for a refresh.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { AccountConfig } from '../config';
import type { Listener } from '../domain/snapshot';
import { indexPrior } from './prior';
import { readChangedRules } from './readChanged';
import { carryRuleOwners } from './readOwners';
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
  return {
    ...segment,
    resources: {
      ...r,
      listeners: r.listeners.map((l) => patched.get(l.arn) ?? l),
      rules: [
        ...r.rules.filter((x) => !patched.has(x.listenerArn)),
        ...carryRuleOwners(run.rules, prior, (arn) => patched.get(arn)?.owner),
      ],
    },
    problems: [...segment.problems, ...run.problems],
  };
}
