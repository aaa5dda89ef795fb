import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { Persistence } from '../persistence';
import { places } from '../where';
import { unhealthyFindings } from './unhealthyTargets';

const p = places(demoLike());
const T = Date.UTC(2026, 0, 5, 9, 0);

describe('unhealthy-targets', () => {
  it('names the group, the count, the reasons and the target ids; new is high, all down is critical', () => {
    const health = {
      [DEMO.ledgerTg]: [
        { id: 'i-1', status: 'HEALTHY' as const },
        { id: 'i-2', status: 'UNHEALTHY' as const, reasonCode: 'HealthCheckFailed' },
      ],
      [DEMO.v2]: [{ id: '10.0.0.1', port: 8080, status: 'UNAVAILABLE' as const, reasonCode: 'Target.Timeout' }],
    };
    const out = unhealthyFindings(health, p, T, new Persistence()).map((c) => c.finding);
    expect(out.map((f) => [f.title, f.severity, f.targetIds])).toEqual([
      ['ledger-instances: 1 of 2 targets unhealthy (HealthCheckFailed)', 'high', ['i-2']],
      ['payments-api-v2: 1 of 1 targets unhealthy (Target.Timeout)', 'critical', ['10.0.0.1']],
    ]);
  });

  it('health checks switched off (Lambda, ALB) are not a problem', () => {
    const health = {
      [DEMO.v2]: [{ id: 'fn', status: 'UNAVAILABLE' as const, reasonCode: 'Target.HealthCheckDisabled' }],
    };
    expect(unhealthyFindings(health, p, T, new Persistence())).toEqual([]);
  });

  it('a group unhealthy for 10 minutes of this process is standing: info, onset when first seen', () => {
    const persistence = new Persistence();
    const health = {
      [DEMO.ledgerTg]: [
        { id: 'i-2', status: 'UNHEALTHY' as const },
        { id: 'i-1', status: 'HEALTHY' as const },
      ],
    };
    persistence.update(unhealthyFindings(health, p, T, persistence), T);
    const later = unhealthyFindings(health, p, T + 11 * 60_000, persistence)[0]!.finding;
    expect(later.severity).toBe('info');
    expect(later.onset).toBe(new Date(T).toISOString());
  });

  it('already down in the inventory at the first read: standing (info); a target going down later: high', () => {
    const persistence = new Persistence();
    const ledger = (bad: string[]) => [
      { id: '10.2.2.1', port: 8080, status: 'HEALTHY' as const },
      ...bad.map((id) => ({ id, status: 'UNHEALTHY' as const, reasonCode: 'HealthCheckFailed' })),
    ];
    const first = unhealthyFindings({ [DEMO.ledgerTg]: ledger(['i-bad1', 'i-bad2']) }, p, T, persistence);
    expect(first[0]!.finding.severity).toBe('info');
    // The same standing trouble read again is still standing, not news.
    const again = unhealthyFindings({ [DEMO.ledgerTg]: ledger(['i-bad1', 'i-bad2']) }, p, T + 5_000, persistence);
    expect(again[0]!.finding.severity).toBe('info');
    const worse = unhealthyFindings(
      { [DEMO.ledgerTg]: ledger(['i-bad1', 'i-bad2', 'i-bad3']) },
      p,
      T + 15_000,
      persistence,
    );
    expect(worse[0]!.finding.severity).toBe('high');
    expect(worse[0]!.finding.title).toBe('ledger-instances: 3 of 4 targets unhealthy (HealthCheckFailed)');
  });

  it('without inventory health for the group (the light read) the first read is standing, later news is high', () => {
    const persistence = new Persistence();
    const snap = demoLike();
    const light = places({ ...snap, targets: {} });
    const group = (bad: string[]) => [
      { id: 'i-ok', status: 'HEALTHY' as const },
      ...bad.map((id) => ({ id, status: 'UNHEALTHY' as const, reasonCode: 'HealthCheckFailed' })),
    ];
    const first = unhealthyFindings({ [DEMO.ledgerTg]: group(['i-bad1']) }, light, T, persistence);
    expect(first[0]!.finding.severity).toBe('info');
    const next = unhealthyFindings({ [DEMO.ledgerTg]: group(['i-bad1', 'i-bad2']) }, p, T + 15_000, persistence);
    expect(next[0]!.finding.severity).toBe('high');
  });
});
