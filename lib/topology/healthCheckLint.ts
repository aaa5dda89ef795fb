/**
 * Notes on a target group's health-check settings, for the target-group panel. Each is a note with
 * its reason, not an error: the settings are valid, they may just not check what the operator thinks.
 * Pure and client-safe (the panel draws the notes the server computed; the types are shared).
 */
import type { HealthCheckView } from '../domain/healthCheck';

export type { HealthCheckView };

/** One note: an id (for tests and keys), a short title and the reason. */
export interface HealthCheckNote {
  id: 'default-path' | 'http2-off' | 'not-checked';
  title: string;
  reason: string;
}

/** The notes on `v` (none when nothing is worth saying). */
export function lintHealthCheck(v: HealthCheckView): HealthCheckNote[] {
  const notes: HealthCheckNote[] = [];
  const hc = v.healthCheck;
  if (v.type === 'LAMBDA' || v.type === 'ALB') {
    notes.push({
      id: 'not-checked',
      title: `${v.type} targets are not health-checked`,
      reason:
        v.type === 'LAMBDA'
          ? 'VPC Lattice does not health-check Lambda targets: their status stays UNAVAILABLE, and a failing ' +
            'function shows only as errors in the access logs and the function’s own metrics.'
          : 'VPC Lattice does not health-check an ALB target: its status stays UNAVAILABLE; the ALB checks ' +
            'its own targets, so look at the ALB’s target groups for their health.',
    });
    return notes;
  }
  const http = v.protocol === 'HTTP' || v.protocol === 'HTTPS';
  if (v.protocolVersion === 'HTTP2' && hc?.enabled === false)
    notes.push({
      id: 'http2-off',
      title: 'Health checks are off on this HTTP2 group',
      reason:
        'No target is checked: their status is UNAVAILABLE and traffic goes to every registered target, ' +
        'healthy or not. Turn health checks on (they can use HTTP1 even when the group serves HTTP2).',
    });
  if (http && hc?.enabled !== false && (hc?.path ?? '/') === '/')
    notes.push({
      id: 'default-path',
      title: 'The health check uses the default path /',
      reason:
        'The root page often answers 200 whatever the state of the service’s dependencies (or redirects, or ' +
        'needs auth and fails); a dedicated path such as /healthz that checks what the service needs says more.',
    });
  return notes;
}
