/**
 * The snapshot as the topology route sends it (`GET /api/topology/snapshot`): the snapshot without its
 * per-target rows, and the targets as columns — one array per field, target groups named once. At fleet
 * scale (18,000 targets) the rows were a quarter of the JSON, every key repeated per target. `decodeSnapshot`
 * gives back exactly the snapshot that was encoded. Pure; used by the server (encode) and the browser (decode).
 */
import { type Snapshot, TARGET_STATUSES, type Target } from '../domain/snapshot';

/** Format of this encoding (a client that reads another one fails loudly instead of drawing nonsense). */
export const SNAPSHOT_WIRE_FORMAT = 'trellis.snapshot/1';

/** Every target of the snapshot, column by column, grouped by target group in the snapshot's order. */
export interface TargetColumns {
  /** Target group ARNs. */
  groups: string[];
  /** Targets per group (same order as `groups`); the columns below hold them one after the other. */
  counts: number[];
  id: string[];
  /** null: no port. */
  port: Array<number | null>;
  /** Index into `TARGET_STATUSES`. */
  status: number[];
  /** null: no reason code. */
  reason: Array<string | null>;
}

/** What the route sends. */
export interface SnapshotWire {
  format: typeof SNAPSHOT_WIRE_FORMAT;
  /** The snapshot with `targets` empty. */
  snapshot: Snapshot;
  targets: TargetColumns;
}

/** Encodes a snapshot for the wire. */
export function encodeSnapshot(snapshot: Snapshot): SnapshotWire {
  const cols: TargetColumns = { groups: [], counts: [], id: [], port: [], status: [], reason: [] };
  for (const [arn, list] of Object.entries(snapshot.targets)) {
    cols.groups.push(arn);
    cols.counts.push(list.length);
    for (const t of list) {
      cols.id.push(t.id);
      cols.port.push(t.port ?? null);
      cols.status.push(TARGET_STATUSES.indexOf(t.status));
      cols.reason.push(t.reasonCode ?? null);
    }
  }
  return { format: SNAPSHOT_WIRE_FORMAT, snapshot: { ...snapshot, targets: {} }, targets: cols };
}

/** Decodes what `encodeSnapshot` made; throws on another format or columns that do not add up. */
export function decodeSnapshot(wire: SnapshotWire): Snapshot {
  if (wire.format !== SNAPSHOT_WIRE_FORMAT) throw new Error(`unknown snapshot format: ${String(wire.format)}`);
  const c = wire.targets;
  const total = c.counts.reduce((a, b) => a + b, 0);
  if (c.groups.length !== c.counts.length || [c.port, c.status, c.reason].some((x) => x.length !== c.id.length))
    throw new Error('snapshot targets: columns of different lengths');
  if (total !== c.id.length) throw new Error('snapshot targets: counts do not add up');
  const targets: Record<string, Target[]> = {};
  let i = 0;
  c.groups.forEach((arn, g) => {
    const list: Target[] = [];
    for (const end = i + c.counts[g]!; i < end; i++) {
      const status = TARGET_STATUSES[c.status[i]!];
      if (!status) throw new Error(`snapshot targets: unknown status ${c.status[i]}`);
      const port = c.port[i];
      const reason = c.reason[i];
      list.push({
        id: c.id[i]!,
        ...(port !== null && port !== undefined ? { port } : {}),
        status,
        ...(reason !== null && reason !== undefined ? { reasonCode: reason } : {}),
      });
    }
    targets[arn] = list;
  });
  return { ...wire.snapshot, targets };
}
