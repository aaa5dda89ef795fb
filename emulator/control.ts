/**
 * The control API under /_emulator/ (documented in emulator/README.md). Each feature contributes its
 * routes; this file only lists them.
 */
import type { RawRequest, RawResponse } from './core/http';
import { benchRoutes } from './control/benchRoutes';
import { faultRoutes } from './control/faultRoutes';
import { latticeRoutes } from './control/latticeRoutes';
import { route, type ControlRoute } from './control/router';
import { worldRoutes } from './control/worldRoutes';
import type { EmulatorHost } from './server';

const routes: ControlRoute[] = [...worldRoutes, ...faultRoutes, ...latticeRoutes, ...benchRoutes];

/** Answers one control request. */
export function handleControl(host: EmulatorHost, req: RawRequest): Promise<RawResponse> {
  return route(routes, host, req);
}
