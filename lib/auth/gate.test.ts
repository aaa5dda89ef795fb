import { describe, expect, it } from 'vitest';
import { ALB_NOT_CONFIGURED } from './authenticate';
import { gate } from './gate';

const alb = { auth: { mode: 'alb' as const } };

describe('gate', () => {
  it('lets every request through when authentication is off', () => {
    expect(gate({ pathname: '/topology', headers: new Headers() }, { auth: { mode: 'none', anonymousRole: 'viewer' } })).toBeUndefined();
  });

  it('answers API requests with a 401 JSON error while ALB sign-in is not configured', async () => {
    const res = gate({ pathname: '/api/topology', headers: new Headers() }, alb);
    expect(res?.status).toBe(401);
    expect(await res?.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: ALB_NOT_CONFIGURED, retryable: false } });
  });

  it('answers pages with a 401 HTML page that says why', async () => {
    const res = gate({ pathname: '/', headers: new Headers() }, alb);
    expect(res?.status).toBe(401);
    expect(res?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res?.text()).toContain('ALB sign-in is not configured yet');
  });
});
