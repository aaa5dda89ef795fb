/**
 * Who is making a request. Pure apart from its inputs (headers and config), so both the proxy (every
 * request) and `currentUser()` (every server action and page) use the same decision.
 *
 * Seam for ALB sign-in (a later release): with TRELLIS_AUTH=alb, verify the `x-amzn-oidc-data` JWT
 * here (signer = TRELLIS_ALB_ARN, keys from TRELLIS_ALB_KEYS_URL) and map its claims to a role.
 */
import type { Config } from '../config';
import { TrellisError } from '../domain/errors';
import { err, ok, type Result } from '../domain/result';
import type { User } from '../domain/user';

/** Read-only view of request headers (the Fetch `Headers` and Next's `headers()` both fit). */
export interface HeaderSource {
  get(name: string): string | null;
}

/** The message of every request while ALB sign-in is not implemented. */
export const ALB_NOT_CONFIGURED =
  'ALB sign-in is not configured yet: this release of Trellis supports only TRELLIS_AUTH=none. Put the console behind your own access control and set TRELLIS_AUTH=none with TRELLIS_ANONYMOUS_ROLE=viewer or operator.';

/** The user of a request, or UNAUTHENTICATED. */
export function authenticate(_headers: HeaderSource, config: Pick<Config, 'auth'>): Result<User> {
  const auth = config.auth;
  if (auth.mode === 'none') {
    return ok({ id: 'anonymous', name: 'Anonymous', role: auth.anonymousRole, source: 'anonymous' });
  }
  return err(new TrellisError('UNAUTHENTICATED', ALB_NOT_CONFIGURED).toInfo());
}
