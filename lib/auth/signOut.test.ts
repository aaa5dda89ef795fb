import { describe, expect, it } from 'vitest';
import { signOutResponse } from './signOut';

const alb = { mode: 'alb' as const, roles: { claim: 'groups', operatorValues: [] } };

describe('signOutResponse', () => {
  it("expires every shard of the ALB session cookie and sends the user to the IdP's logout", () => {
    const res = signOutResponse({ ...alb, signOutUrl: 'https://login.example.com/logout' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('https://login.example.com/logout');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => c.split('=')[0])).toEqual([0, 1, 2, 3].map((i) => `AWSELBAuthSessionCookie-${i}`));
    for (const c of cookies) expect(c).toMatch(/^[\w-]+=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;/);
  });

  it('says the session ended, and where else to sign out, without a logout URL', async () => {
    const res = signOutResponse(alb);
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toHaveLength(4);
    expect(await res.text()).toContain('Signed out');
  });

  it('has nothing to end when sign-in is off', async () => {
    const res = signOutResponse({ mode: 'none', anonymousRole: 'viewer' });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.text()).toContain('TRELLIS_AUTH=none');
  });
});
