/**
 * The control API under /_emulator/ (documented in emulator/README.md). Each feature contributes its
 * routes; this file only lists them.
 */
import type { RawRequest, RawResponse } from './core/http';
import { faultRoutes } from './control/faultRoutes';
import { latticeRoutes } from './control/latticeRoutes';
import { route, type ControlRoute } from './control/router';
import { trafficRoutes } from './control/trafficRoutes';
import { worldRoutes } from './control/worldRoutes';
import type { EmulatorHost } from './server';

const routes: ControlRoute[] = [...worldRoutes, ...faultRoutes, ...latticeRoutes, ...trafficRoutes];

/** Routes that replace the whole world: bringing the old one up to date first would be wasted work. */
const REPLACING = new Set(['/_emulator/reset', '/_emulator/load']);

/** Answers one control request; the world is brought up to the clock before anything changes. */
export function handleControl(host: EmulatorHost, req: RawRequest): Promise<RawResponse> {
  if (!REPLACING.has(req.path)) host.state.sync();
  return route(routes, host, req);
}
