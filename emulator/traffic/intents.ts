/**
 * The requests of one second, drawn before any of them is served: how many each profile sends
 * (Poisson around its rate), when (millisecond offsets), what and from whom. Each gets the key of
 * its own generator, so serving it later (after a weight change, say) changes nothing else.
 * Settings and incidents are read when the second is drawn, i.e. at its first sync: a rate change
 * applies from the next whole second.
 */
import { poisson, requestKey, secondRng, weightedIndex } from './random';
import type { CallerSpec, Incident, TrafficProfile, TrafficSettings } from './types';

/** One request to serve. `profile` is -1 for requests an incident injects. */
export interface Intent {
  t: number;
  key: number;
  profile: number;
  template: number;
  caller: number;
  incident?: string;
}

/** The effective rate of a profile: the `rates` override, else rps × rateMultiplier. */
export function rateOf(p: TrafficProfile, s: TrafficSettings): number {
  return s.rates[p.service] ?? p.rps * s.rateMultiplier;
}

/** Draws the requests of `second` in time order. */
export function drawSecond(
  seed: number,
  second: number,
  profiles: readonly TrafficProfile[],
  callers: readonly CallerSpec[],
  settings: TrafficSettings,
  incidents: readonly Incident[],
): Intent[] {
  const rng = secondRng(seed, second);
  const base = second * 1000;
  const out: Intent[] = [];
  const callerIndex = new Map(callers.map((c, i) => [c.id, i]));
  profiles.forEach((p, pi) => {
    const n = poisson(rng, rateOf(p, settings));
    if (n === 0) return;
    const templateWeights = p.requests.map((r) => r.weight);
    const callerWeights = p.callers.map(([, w]) => w);
    for (let k = 0; k < n; k++) {
      const t = base + Math.floor(rng.next() * 1000);
      const template = weightedIndex(rng, templateWeights);
      const c = weightedIndex(rng, callerWeights);
      const caller = c < 0 ? undefined : callerIndex.get((p.callers[c] as [string, number])[0]);
      const key = requestKey(rng);
      if (template >= 0 && caller !== undefined) out.push({ t, key, profile: pi, template, caller });
    }
  });
  for (const inc of incidents) {
    if (inc.kind !== 'auth-denials' || !inc.rps) continue;
    const n = poisson(rng, inc.rps);
    for (let k = 0; k < n; k++)
      out.push({
        t: base + Math.floor(rng.next() * 1000),
        key: requestKey(rng),
        profile: -1,
        template: -1,
        caller: -1,
        incident: inc.id,
      });
  }
  // Array.prototype.sort is stable: equal times keep their drawing order.
  return out.sort((a, b) => a.t - b.t);
}
