/**
 * The CloudWatch Logs log groups, streams and events of the emulated world, per account and region.
 *
 * Events live in a compact columnar store (store/*): a group holds millions of events in a few
 * hundred MB. Besides the API handlers, the traffic simulator writes through the fast append API:
 *
 * ```ts
 * const g = state.logs.ensureGroup(accountId, region, '/aws/vpclattice/sn-123', state.clock.now());
 * state.logs.appendRecords(g, 'access', [{ timestamp, ingestionTime: timestamp + 120_000, record }]);
 * const target = state.logs.resolveArn(subscription.destinationArn); // arn:aws:logs:…:log-group:name[:*]
 * ```
 */
import { QueryBook } from './queries/book';
import type { RecordValue } from './store/encode';
import { LogGroup, type GroupOptions } from './store/group';
import { groupFromJson, groupToJson, type GroupJson } from './store/persist';

export { LogGroup } from './store/group';
export type { RecordValue } from './store/encode';

/** Serialized form of the Logs state (queries are not kept). */
export interface LogsJson {
  groups?: GroupJson[];
}

/** One record for `appendRecords`. */
export interface AppendRecord {
  /** When the event happened, ms since the epoch. */
  timestamp: number;
  /** When CloudWatch Logs received it (defaults to `timestamp`); it is invisible to readers until then. */
  ingestionTime?: number;
  /** The flat JSON object of the message; stored as `JSON.stringify(record)`. */
  record: Record<string, RecordValue | undefined>;
}

/** Parts of a log group ARN. */
export interface LogGroupArnParts {
  region: string;
  accountId: string;
  name: string;
}

const ARN = /^arn:aws[a-z-]*:logs:([a-z0-9-]+):(\d{12}):log-group:([.\-_/#A-Za-z0-9]+)(:\*)?$/;

/** Splits `arn:aws:logs:<region>:<account>:log-group:<name>[:*]`; undefined when it is not one. */
export function parseLogGroupArn(arn: string): LogGroupArnParts | undefined {
  const m = ARN.exec(arn);
  if (!m) return undefined;
  return { region: m[1] as string, accountId: m[2] as string, name: m[3] as string };
}

/** All log groups, plus the Logs Insights queries of the world. */
export class LogsStore {
  private readonly scopes = new Map<string, Map<string, LogGroup>>();
  /** Logs Insights queries (kept in memory only). */
  readonly queries = new QueryBook();

  private scope(accountId: string, region: string, create: boolean): Map<string, LogGroup> | undefined {
    const key = `${accountId}:${region}`;
    let m = this.scopes.get(key);
    if (!m && create) {
      m = new Map();
      this.scopes.set(key, m);
    }
    return m;
  }

  /** A group by name, or undefined. */
  group(accountId: string, region: string, name: string): LogGroup | undefined {
    return this.scope(accountId, region, false)?.get(name);
  }

  /** The groups of an account in a region. */
  groups(accountId: string, region: string): LogGroup[] {
    return [...(this.scope(accountId, region, false)?.values() ?? [])];
  }

  /** Every group of every account and region. */
  allGroups(): LogGroup[] {
    return [...this.scopes.values()].flatMap((m) => [...m.values()]);
  }

  /** Creates a group; undefined when one of that name exists. */
  createGroup(
    accountId: string,
    region: string,
    name: string,
    now: number,
    opts: GroupOptions = {},
  ): LogGroup | undefined {
    const m = this.scope(accountId, region, true) as Map<string, LogGroup>;
    if (m.has(name)) return undefined;
    const g = new LogGroup(accountId, region, name, now, opts);
    m.set(name, g);
    return g;
  }

  /** Deletes a group and its events; false when there was none. */
  deleteGroup(accountId: string, region: string, name: string): boolean {
    return this.scope(accountId, region, false)?.delete(name) ?? false;
  }

  /** The group of that name, created (at `now`) if missing. For the traffic simulator and scenarios. */
  ensureGroup(accountId: string, region: string, name: string, now: number, opts: GroupOptions = {}): LogGroup {
    return this.group(accountId, region, name) ?? (this.createGroup(accountId, region, name, now, opts) as LogGroup);
  }

  /** The group an ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`) names, if it exists. */
  resolveArn(arn: string): LogGroup | undefined {
    const p = parseLogGroupArn(arn);
    return p ? this.group(p.accountId, p.region, p.name) : undefined;
  }

  /**
   * Appends records to a stream of `group` (created if missing), without JSON parsing and without
   * the PutLogEvents checks (the caller is the emulator itself). Events become visible to readers
   * once the emulator clock reaches their `ingestionTime`. With `now`, retention is enforced first.
   * Returns the number of events appended.
   */
  appendRecords(group: LogGroup, streamName: string, events: readonly AppendRecord[], now?: number): number {
    const first = events[0];
    if (!first) return 0;
    if (now !== undefined) group.enforceRetention(now);
    const stream =
      group.streams.get(streamName) ?? group.createStream(streamName, now ?? first.ingestionTime ?? first.timestamp)!;
    for (const e of events) group.appendRecord(stream, e.timestamp, e.ingestionTime ?? e.timestamp, e.record);
    return events.length;
  }

  /** Serializes groups, streams, retention and up to MAX_SAVED_EVENTS_PER_GROUP newest events per group. */
  toJSON(): LogsJson {
    return { groups: this.allGroups().map((g) => groupToJson(g)) };
  }

  /** Rebuilds a store from `toJSON()` output. */
  static fromJSON(json: LogsJson): LogsStore {
    const store = new LogsStore();
    for (const gj of json.groups ?? []) {
      const g = groupFromJson(gj);
      store.scope(g.accountId, g.region, true)!.set(g.name, g);
    }
    return store;
  }
}
