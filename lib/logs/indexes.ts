/**
 * Which fields every queried access-log group indexes (DescribeIndexPolicies, one call per group, cached
 * for a few minutes per process), so that a view's queries can use `filterIndex` (lib/logs/fieldIndex).
 * A group whose policy cannot be read (e.g. a role without logs:DescribeIndexPolicies) counts as indexing
 * nothing: the query then runs without filterIndex, which is always correct. A group that does not exist
 * (yet) is left out: StartQuery drops it from the query anyway (lib/logs/panels).
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import { TrellisError } from '../domain/errors';
import type { LogSource } from './sources';

/** How long a group's policy is trusted. */
export const INDEX_POLICY_TTL_MS = 5 * 60_000;

interface Entry {
  /** Undefined: the group does not exist. One call per group, shared by the panels starting at once. */
  fields: Promise<ReadonlySet<string> | undefined>;
  at: number;
}

function cacheOf(factory: AwsClientFactory): Map<string, Entry> {
  return factory.state('logs.indexPolicies', () => new Map<string, Entry>());
}

async function fieldsOf(
  g: LogSource,
  user: string,
  factory: AwsClientFactory,
  now: number,
): Promise<ReadonlySet<string> | undefined> {
  const cache = cacheOf(factory);
  const hit = cache.get(g.arn);
  if (hit && now - hit.at < INDEX_POLICY_TTL_MS) return hit.fields;
  const logs = factory.gateways.logs({ accountId: g.accountId, region: g.region, user });
  const entry: Entry = {
    at: now,
    fields: logs.indexedFields(g.name).then(
      (list) => new Set(list),
      (e: unknown) => {
        if (e instanceof TrellisError && e.code === 'NOT_FOUND') return undefined;
        // Throttled, denied, unreachable: no filterIndex this time, and ask again next time.
        if (cache.get(g.arn) === entry) cache.delete(g.arn);
        return new Set<string>();
      },
    ),
  };
  cache.set(g.arn, entry);
  return entry.fields;
}

/** The fields indexed by every one of `groups` (empty when any has none). */
export async function fieldsIndexedByAll(
  groups: readonly LogSource[],
  user: string,
  factory: AwsClientFactory,
  now = Date.now(),
): Promise<Set<string>> {
  if (groups.length === 0) return new Set();
  const sets = (await Promise.all(groups.map((g) => fieldsOf(g, user, factory, now)))).filter(
    (s): s is ReadonlySet<string> => s !== undefined,
  );
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((f) => rest.every((s) => s.has(f))));
}

/** Forgets cached policies (after Trellis created one). */
export function forgetIndexPolicies(factory: AwsClientFactory): void {
  cacheOf(factory).clear();
}
