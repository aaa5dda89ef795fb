/**
 * For tests and the benchmark: counts of a snapshot in the shape of the emulator's
 * `GET /_emulator/lattice/summary` (per owner account and region), so a crawl can be compared with
 * what the emulator holds without hard-coding names.
 */
import type { Snapshot } from '../domain/snapshot';

/** Counts per account, then region, then kind (`services`, `targetsHEALTHY`, …). */
export type SummaryCounts = Record<string, Record<string, Record<string, number>>>;

/** The snapshot counted the way the emulator's summary counts its store. */
export function summaryOf(snap: Snapshot): SummaryCounts {
  const out: SummaryCounts = {};
  const bump = (account: string, region: string, key: string, n = 1) => {
    out[account] ??= {};
    const perRegion = out[account];
    perRegion[region] ??= {};
    const counts = perRegion[region];
    counts[key] = (counts[key] ?? 0) + n;
  };
  const kinds: Array<[keyof Snapshot, string]> = [
    ['serviceNetworks', 'serviceNetworks'],
    ['services', 'services'],
    ['listeners', 'listeners'],
    ['rules', 'rules'],
    ['targetGroups', 'targetGroups'],
    ['serviceAssociations', 'serviceNetworkServiceAssociations'],
    ['vpcAssociations', 'serviceNetworkVpcAssociations'],
    ['accessLogSubscriptions', 'accessLogSubscriptions'],
  ];
  for (const [field, key] of kinds) {
    for (const r of snap[field] as Array<{ accountId: string; region: string }>) bump(r.accountId, r.region, key);
  }
  for (const tg of snap.targetGroups)
    for (const t of snap.targets[tg.arn] ?? []) bump(tg.accountId, tg.region, `targets${t.status}`);
  return out;
}
