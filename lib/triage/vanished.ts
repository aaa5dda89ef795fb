/**
 * Which remembered findings are about resources that no longer exist (pure). A finding names its
 * resource by `where.targetGroupArn`, else `where.serviceArn`; the resource is gone when the snapshot
 * does not list it AND the snapshot's listing of that (account, region) is complete: the account was
 * read (reachable, the region crawled) and no List call of it failed or was cut short. A partial or
 * failed read never makes a finding vanish — its findings stay until they clear as usual.
 */
import { parseLatticeArn } from '../domain/arn';
import type { Snapshot } from '../domain/snapshot';
import type { Finding } from './types';

/** The List calls whose failure leaves a segment's resource lists incomplete (`Crawl`: cut by the deadline). */
const LISTINGS = new Set(['ListServiceNetworks', 'ListServices', 'ListTargetGroups', 'Crawl']);

/** The resource a finding is about, if any. */
export function resourceOf(f: Pick<Finding, 'where'>): string | undefined {
  return f.where.targetGroupArn ?? f.where.serviceArn;
}

/** A predicate: true for an ARN the snapshot's complete listing of its (account, region) no longer has. */
export function vanishedIn(snapshot: Snapshot): (arn: string) => boolean {
  const listed = new Set([...snapshot.targetGroups, ...snapshot.services].map((x) => x.arn));
  const incomplete = new Set(
    snapshot.problems.filter((p) => LISTINGS.has(p.operation)).map((p) => `${p.accountId}|${p.region ?? '*'}`),
  );
  const complete = (accountId: string, region: string) => {
    const a = snapshot.accounts.find((x) => x.accountId === accountId);
    return (
      a?.reachable === true &&
      a.regions.includes(region) &&
      !incomplete.has(`${accountId}|${region}`) &&
      !incomplete.has(`${accountId}|*`)
    );
  };
  return (arn) => {
    if (listed.has(arn)) return false;
    const p = parseLatticeArn(arn);
    return p !== undefined && complete(p.accountId, p.region);
  };
}
