/**
 * Signed-in users of the ALB-mode e2e console: tokens come from the test key server, signed the
 * way the ALB signs them. Specs put them in `x-amzn-oidc-data` as the ALB would.
 */
import { OPERATOR_GROUP } from './albEnv';
import type { AlbHeader } from './albToken';
import { e2eServers } from './ports';

/** A viewer: signed in, not in the operator group. */
export const VIEWER = { sub: 'u-100', email: 'victor@example.com', name: 'Victor Viewer', groups: ['developers'] };

/** An operator: in the operator group. */
export const OPERATOR = {
  sub: 'u-200',
  email: 'olga@example.com',
  name: 'Olga Operator',
  groups: ['developers', OPERATOR_GROUP],
};

/**
 * A token for `claims` from the key server; `header` overrides fields (kid, signer, exp...); `ttlSec` < 0 makes
 * it expired.
 */
export async function albToken(claims: Record<string, unknown>, header: AlbHeader = {}, ttlSec = 600): Promise<string> {
  const res = await fetch(`${e2eServers().keysUrl}/_test/sign`, {
    method: 'POST',
    body: JSON.stringify({ claims, header, ttlSec }),
  });
  if (!res.ok) throw new Error(`key server: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** Request headers of a signed-in user. */
export async function signedIn(claims: Record<string, unknown>): Promise<Record<string, string>> {
  return { 'x-amzn-oidc-data': await albToken(claims) };
}
