import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '../domain/snapshot';
import { fleetSnapshot } from './testing/fleet';
import { demoLike } from './testing/fixtures';
import { decodeSnapshot, encodeSnapshot, SNAPSHOT_WIRE_FORMAT, type SnapshotWire } from './wire';

const roundTrip = (w: SnapshotWire) => decodeSnapshot(JSON.parse(JSON.stringify(w)) as SnapshotWire);

describe('snapshot wire format', () => {
  it('gives back exactly the snapshot, targets included (ports, reason codes, every status)', () => {
    const demo = demoLike();
    demo.targets['arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-empty'] = [];
    demo.targets['arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-odd'] = [
      { id: '10.0.0.1', port: 0, status: 'DRAINING', reasonCode: '' },
      { id: '10.0.0.2', status: 'UNUSED' },
    ];
    expect(roundTrip(encodeSnapshot(demo))).toEqual(demo);
    expect(roundTrip(encodeSnapshot(emptySnapshot(5)))).toEqual(emptySnapshot(5));
  });

  it('sends no per-target rows: targets are columns, each group named once', () => {
    const fleet = fleetSnapshot();
    const wire = encodeSnapshot(fleet);
    expect(wire.snapshot.targets).toEqual({});
    expect(wire.targets.groups).toEqual(Object.keys(fleet.targets));
    const rows = JSON.stringify(fleet.targets).length;
    expect(JSON.stringify(wire.targets).length).toBeLessThan(rows * 0.75);
    expect(roundTrip(wire)).toEqual(fleet);
  });

  it('refuses another format and columns that do not add up', () => {
    const wire = encodeSnapshot(demoLike());
    expect(() => decodeSnapshot({ ...wire, format: 'x' } as unknown as SnapshotWire)).toThrow(/format/);
    const short = { ...wire, targets: { ...wire.targets, status: wire.targets.status.slice(1) } };
    expect(() => decodeSnapshot(short)).toThrow(/lengths/);
    const counts = { ...wire, targets: { ...wire.targets, counts: wire.targets.counts.map((n) => n + 1) } };
    expect(() => decodeSnapshot(counts)).toThrow(/add up/);
    const status = { ...wire, targets: { ...wire.targets, status: wire.targets.status.map(() => 99) } };
    expect(() => decodeSnapshot(status)).toThrow(/status/);
    expect(SNAPSHOT_WIRE_FORMAT).toBe(wire.format);
  });
});
