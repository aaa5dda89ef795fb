/**
 * Control routes for simulated traffic and injected incidents (the world is synced to the clock
 * before each of them, see control.ts):
 *   GET    /_emulator/traffic              settings, rates per profile, served-until time, counters
 *   POST   /_emulator/traffic              {paused?, lagMs?, rateMultiplier?, rates?, detectionWindowMs?,
 *                                           latency?, callers?, profiles?}
 *   GET    /_emulator/incidents            every incident, active and ended
 *   POST   /_emulator/incidents            {kind, ...} → the incident with its id and start time
 *   DELETE /_emulator/incidents            ends every incident (their records stay in the logs)
 *   DELETE /_emulator/incidents/{id}       ends one
 */
import { createTraffic } from '../traffic/attach';
import { rateOf } from '../traffic/intents';
import { incidentFromBody } from '../traffic/newIncident';
import { incidentBody, trafficBody } from '../traffic/schema';
import type { TrafficSimulator } from '../traffic/simulator';
import type { EmulatorHost } from '../server';
import { ControlError, ok, parseBody, type ControlRoute } from './router';

function simulator(host: EmulatorHost): TrafficSimulator {
  const sim = host.state.traffic;
  if (!sim)
    throw new ControlError(
      409,
      `the '${host.state.scenario}' world has no simulated traffic; ` +
        'POST /_emulator/traffic with callers and profiles first',
    );
  return sim;
}

function summary(host: EmulatorHost): Record<string, unknown> {
  const sim = host.state.traffic;
  const now = host.state.clock.now();
  if (!sim) return { enabled: false, now };
  return {
    enabled: true,
    now,
    generatedUntil: sim.generatedUntil,
    settings: sim.settings,
    profiles: sim.profiles.map((p) => ({ service: p.service, rps: rateOf(p, sim.settings) })),
    callers: sim.callers.map((c) => c.id),
    stats: sim.stats,
    activeIncidents: sim.book.incidents.filter((i) => i.phase === 'active').length,
  };
}

const incidents = (sim: TrafficSimulator) => ({ incidents: sim.book.incidents });

export const trafficRoutes: ControlRoute[] = [
  { method: 'GET', path: '/traffic', handle: (host) => ok(summary(host)) },
  {
    method: 'POST',
    path: '/traffic',
    handle: (host, body) => {
      const { callers, profiles, ...settings } = parseBody(trafficBody, body);
      const state = host.state;
      const now = state.clock.now();
      const sim =
        state.traffic ??
        (callers && profiles
          ? createTraffic(state, { callers, profiles, generatedUntil: now, healthEpoch: now })
          : simulator(host));
      const known = new Set((callers ?? sim.callers).map((c) => c.id));
      for (const p of profiles ?? sim.profiles) {
        const unknown = p.callers.find(([id]) => !known.has(id));
        if (unknown)
          throw new ControlError(
            400,
            `profile of '${p.service}' names caller '${unknown[0]}', which is not among the callers`,
          );
      }
      if (callers) sim.callers = callers;
      if (profiles) sim.profiles = profiles;
      sim.configure(settings);
      return ok(summary(host));
    },
  },
  { method: 'GET', path: '/incidents', handle: (host) => ok(incidents(simulator(host))) },
  {
    method: 'POST',
    path: '/incidents',
    handle: (host, body) => {
      const b = parseBody(incidentBody, body);
      const sim = simulator(host);
      const fields = incidentFromBody(host.state.lattice, b, sim.generatedUntil);
      if (typeof fields === 'string') throw new ControlError(400, fields);
      return ok(sim.addIncident(fields));
    },
  },
  {
    method: 'DELETE',
    path: '/incidents',
    handle: (host) => {
      const sim = simulator(host);
      return ok({ ended: sim.endIncidents(), ...incidents(sim) });
    },
  },
  {
    method: 'DELETE',
    path: /^\/incidents\/([^/]+)$/,
    handle: (host, _body, [id]) => {
      const sim = simulator(host);
      if (sim.endIncidents(id) === 0) throw new ControlError(404, `no incident ${id}`);
      return ok(sim.book.incidents.find((i) => i.id === id));
    },
  },
];
