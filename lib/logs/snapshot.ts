/**
 * The inventory as the explorer reads it (lib/inventory's cached, cross-account snapshot): which
 * access-log subscriptions exist and the names of networks, services and target groups.
 */
import 'server-only';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';

/** The snapshot for `user` (served from the inventory's cache when fresh). */
export function logsSnapshot(user?: string, factory?: AwsClientFactory): Promise<Snapshot> {
  return getSnapshot(user !== undefined ? { user } : {}, factory);
}
