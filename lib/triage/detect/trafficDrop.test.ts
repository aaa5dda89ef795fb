import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import { BIN_MS } from '../constants';
import { emptyFolded, flat, step } from '../testing';
import { places } from '../where';
import { detectTrafficDrop } from './trafficDrop';

const p = places(demoLike());

function world(series: Record<string, number[]>, perMin: Record<string, number>) {
  const f = emptyFolded();
  for (const [svc, requests] of Object.entries(series)) f.svc[svc] = { serviceArn: svc, requests };
  for (const [svc, n] of Object.entries(perMin)) f.baseline.svc[svc] = n * 60;
  return f;
}

describe('traffic-drop', () => {
  it('a service at 30/min that goes silent is critical, with its onset', () => {
    const f = world(
      { [DEMO.paymentsApi]: step(30, 0, 3), [DEMO.ledger]: flat(30) },
      { [DEMO.paymentsApi]: 30, [DEMO.ledger]: 30 },
    );
    const [c] = detectTrafficDrop({ folded: f, places: p });
    expect(c?.finding.severity).toBe('critical');
    expect(c?.finding.title).toBe('payments-api: 0 requests in 2 min, expected about 60');
    expect(Date.parse(c!.finding.onset)).toBe(f.minutes[f.minutes.length - 3]);
  });

  it('a quiet service (1/min), a halved one, and a partial last minute are not drops', () => {
    expect(
      detectTrafficDrop({ folded: world({ [DEMO.ledger]: step(1, 0, 5) }, { [DEMO.ledger]: 1 }), places: p }),
    ).toEqual([]);
    expect(
      detectTrafficDrop({ folded: world({ [DEMO.ledger]: step(30, 15, 5) }, { [DEMO.ledger]: 30 }), places: p }),
    ).toEqual([]);
    const f = world({ [DEMO.ledger]: step(30, 0, 1) }, { [DEMO.ledger]: 30 });
    f.deliveredUntil -= BIN_MS / 2; // the silent last minute is only half over: counts use whole minutes
    expect(detectTrafficDrop({ folded: f, places: p })).toEqual([]);
  });

  it('most services silent at once is one logging-gap finding, not outages', () => {
    const svcs = [DEMO.paymentsApi, DEMO.ledger, DEMO.identity, DEMO.reco];
    const f = world(
      Object.fromEntries(svcs.map((s) => [s, step(30, 0, 3)])),
      Object.fromEntries(svcs.map((s) => [s, 30])),
    );
    const out = detectTrafficDrop({ folded: f, places: p });
    expect(out.map((c) => c.finding.id)).toEqual(['traffic-drop|logging-gap']);
    expect(out[0]!.finding.title).toMatch(/4 of 4 busy services silent at once \(logging gap\?\)/);
  });
});
