/**
 * A fingerprint of the e2e emulator's world for "nothing was written" checks: every Lattice
 * resource (rules, weights, tags...), plus the names and streams of every log group. Log events are
 * left out because the traffic simulation keeps appending access logs; the first audit entry of a
 * day creates its group or stream, which the fingerprint sees.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eServers } from './ports';

interface SavedWorld {
  lattice: unknown;
  logs: { groups: Array<{ accountId: string; region: string; name: string; streams?: Array<{ name: string }> }> };
}

/** Lattice state and log group/stream names, as a JSON string. */
export async function worldFingerprint(): Promise<string> {
  const file = join(tmpdir(), `trellis-e2e-world-${process.pid}-${Date.now()}.json`);
  const res = await fetch(`${e2eServers().emulatorUrl}/_emulator/save`, { method: 'POST', body: JSON.stringify({ file }) });
  if (!res.ok) throw new Error(`emulator save: ${res.status} ${await res.text()}`);
  try {
    const world = JSON.parse(readFileSync(file, 'utf8')) as SavedWorld;
    const groups = world.logs.groups.map((g) => `${g.accountId}/${g.region}/${g.name}: ${(g.streams ?? []).map((s) => s.name).sort().join(',')}`).sort();
    return JSON.stringify({ lattice: world.lattice, groups });
  } finally {
    rmSync(file, { force: true });
  }
}
