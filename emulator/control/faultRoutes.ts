/** Control routes for injected faults and per-account rate limits. */
import { z } from 'zod';
import { ControlError, ok, parseBody, type ControlRoute } from './router';

const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id of 12 digits');

export const faultBody = z.object({
  account: accountId.optional(),
  service: z.enum(['vpc-lattice', 'logs', 'sts']).optional(),
  operation: z.string().min(1).optional(),
  errorRate: z.number().min(0).max(1).default(0),
  errorCode: z
    .string()
    .regex(/^[A-Za-z]+$/)
    .optional(),
  errorMessage: z.string().max(500).optional(),
  latencyMs: z.number().int().min(0).max(120_000).default(0),
});

export const limitBody = z.object({
  account: accountId,
  service: z.enum(['vpc-lattice', 'logs', 'sts']).optional(),
  ratePerSecond: z.number().positive().max(100_000),
  burst: z.number().int().positive().optional(),
});

export const faultRoutes: ControlRoute[] = [
  { method: 'GET', path: '/faults', handle: (host) => ok(host.state.faults.list()) },
  {
    method: 'POST',
    path: '/faults',
    handle: (host, body) => {
      const b = parseBody(faultBody, body);
      if (b.errorRate === 0 && b.latencyMs === 0)
        throw new ControlError(400, 'a fault needs errorRate > 0 or latencyMs > 0');
      return ok(host.state.faults.addFault(b));
    },
  },
  {
    method: 'DELETE',
    path: '/faults',
    handle: (host) => {
      host.state.faults.clearFaults();
      return ok({ cleared: 'faults' });
    },
  },
  {
    method: 'POST',
    path: '/rate-limits',
    handle: (host, body) => {
      const b = parseBody(limitBody, body);
      return ok(host.state.faults.addRateLimit({ ...b, burst: b.burst ?? Math.max(1, Math.ceil(b.ratePerSecond)) }));
    },
  },
  {
    method: 'DELETE',
    path: '/rate-limits',
    handle: (host) => {
      host.state.faults.clearRateLimits();
      return ok({ cleared: 'rate-limits' });
    },
  },
  {
    method: 'DELETE',
    path: /^\/(?:faults|rate-limits)\/([^/]+)$/,
    handle: (host, _body, [id]) => {
      if (!host.state.faults.remove(id ?? '')) throw new ControlError(404, `no fault or rate limit ${id}`);
      return ok({ removed: id });
    },
  },
];
