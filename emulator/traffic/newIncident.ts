/**
 * Turns a control-API incident body into an incident of the simulator: names resolved to resources,
 * counts checked against the world. Returns a message instead when the body cannot apply.
 */
import type { LatticeStore } from '../lattice/store';
import { forcibleTargets } from './incidents';
import { resolveService, resolveTargetGroup } from './resolve';
import type { IncidentBody } from './schema';
import type { Incident } from './types';

/** Default extra requests per second of an auth-denials incident (so its denials show up). */
export const DEFAULT_DENIAL_RPS = 2;

/** The incident fields for a body starting at `now`, or a problem to answer with 400. */
export function incidentFromBody(
  store: LatticeStore,
  body: IncidentBody,
  now: number,
): Omit<Incident, 'id' | 'phase'> | string {
  const timing = { startedAt: now, ...(body.durationMs !== undefined ? { endsAt: now + body.durationMs } : {}) };
  if (body.kind === 'auth-denials') {
    const svc = resolveService(store, body.service);
    if (typeof svc === 'string') return svc;
    return {
      kind: body.kind,
      ...timing,
      serviceId: svc.id,
      serviceArn: svc.arn,
      principal: body.principal,
      reason: body.reason,
      rps: body.rps ?? DEFAULT_DENIAL_RPS,
    };
  }
  const tg = resolveTargetGroup(store, body.targetGroup);
  if (typeof tg === 'string') return tg;
  const target = { targetGroupId: tg.id, targetGroupArn: tg.arn };
  switch (body.kind) {
    case 'target-errors':
      return { kind: body.kind, ...timing, ...target, errorRate: body.errorRate, statusCode: body.statusCode ?? 503 };
    case 'latency':
      return { kind: body.kind, ...timing, ...target, ms: body.ms };
    case 'unhealthy-targets': {
      const available = forcibleTargets(store, tg.id).length;
      if (body.count > available) {
        return (
          `target group ${tg.name} has ${available} target(s) that can be made unhealthy ` +
          `(registered, not draining, not already UNHEALTHY); count ${body.count} is too many`
        );
      }
      return { kind: body.kind, ...timing, ...target, count: body.count };
    }
  }
}
