/**
 * Who is making a request. Pure apart from its inputs (headers, config, and the ALB key endpoint for
 * TRELLIS_AUTH=alb), so the proxy (every request) and `currentUser()` (every server action and
 * page) make the same decision.
 */
import type { Config } from '../config';
import { defaultAlbKeysUrl, regionOfArn } from '../configAuth';
import { isTrellisError, TrellisError } from '../domain/errors';
import { err, ok, type Result } from '../domain/result';
import type { User } from '../domain/user';
import { albKeyResolver, type KeyResolver } from './albKeys';
import { verifyAlbToken } from './albToken';
import { isAdmitted, userFromClaims } from './roles';

/** Read-only view of request headers (the Fetch `Headers` and Next's `headers()` both fit). */
export interface HeaderSource {
  get(name: string): string | null;
}

/** The header the ALB puts the signed user claims in. */
export const ALB_DATA_HEADER = 'x-amzn-oidc-data';

/** The message of every request while TRELLIS_AUTH=alb has no TRELLIS_ALB_ARN. */
export const ALB_NOT_CONFIGURED =
  'ALB sign-in is not configured: set TRELLIS_ALB_ARN to the ARN of the load balancer that signs users in ' +
  '(see README, "Deploy on ECS"), ' +
  'or set TRELLIS_AUTH=none with TRELLIS_ANONYMOUS_ROLE behind your own access control.';

/** The message when a request carries no token. */
export const NO_TOKEN =
  'Sign-in required: the request carries no ALB sign-in token (x-amzn-oidc-data). ' +
  'Open the console through its load balancer.';

/** The refusal of a signed-in user who is not on the viewer allow-list. */
export function notAdmittedMessage(userId: string, claim: string): string {
  return (
    `You are signed in as ${userId}, but this console admits only the users its '${claim}' claim allows ` +
    '(TRELLIS_VIEWER_VALUES), and yours holds none of them. Ask the console’s administrators for access.'
  );
}

/** What authentication reads besides the headers. */
export type AuthSettings = Pick<Config, 'auth' | 'readOnly' | 'region'>;

/** Injected in tests. */
export interface AuthDeps {
  keys?: KeyResolver;
  currentDate?: Date;
}

const resolvers = new Map<string, KeyResolver>();

/** The process-wide key cache for a base URL. */
function sharedResolver(baseUrl: string): KeyResolver {
  let r = resolvers.get(baseUrl);
  if (!r) {
    r = albKeyResolver({ baseUrl });
    resolvers.set(baseUrl, r);
  }
  return r;
}

/** The key base URL: TRELLIS_ALB_KEYS_URL, or the endpoint of the ALB's region. */
export function albKeysUrl(config: AuthSettings): string {
  if (config.auth.mode !== 'alb') throw new Error('albKeysUrl: authentication is not alb');
  return (
    config.auth.keysUrl ?? defaultAlbKeysUrl((config.auth.albArn && regionOfArn(config.auth.albArn)) || config.region)
  );
}

/**
 * The user of a request, or UNAUTHENTICATED (UNREACHABLE when the ALB key cannot be fetched; FORBIDDEN for a
 * signed-in user the viewer allow-list does not admit). Never throws.
 */
export async function authenticate(
  headers: HeaderSource,
  config: AuthSettings,
  deps: AuthDeps = {},
): Promise<Result<User>> {
  const auth = config.auth;
  if (auth.mode === 'none') {
    return ok({
      id: 'anonymous',
      name: 'Anonymous',
      role: config.readOnly ? 'viewer' : auth.anonymousRole,
      source: 'anonymous',
    });
  }
  if (!auth.albArn) return err(new TrellisError('UNAUTHENTICATED', ALB_NOT_CONFIGURED).toInfo());
  const token = headers.get(ALB_DATA_HEADER)?.trim();
  if (!token) return err(new TrellisError('UNAUTHENTICATED', NO_TOKEN).toInfo());
  try {
    const claims = await verifyAlbToken(token, {
      albArn: auth.albArn,
      ...(auth.clientId !== undefined ? { clientId: auth.clientId } : {}),
      ...(auth.issuer !== undefined ? { issuer: auth.issuer } : {}),
      keys: deps.keys ?? sharedResolver(albKeysUrl(config)),
      ...(deps.currentDate ? { currentDate: deps.currentDate } : {}),
    });
    const user = userFromClaims(claims, auth.roles, config.readOnly);
    if (!user)
      return err(
        new TrellisError(
          'UNAUTHENTICATED',
          'Sign-in required: the ALB sign-in token names no user (no email, username or sub claim).',
        ).toInfo(),
      );
    if (!isAdmitted(claims, auth.roles, auth.viewers))
      return err(new TrellisError('FORBIDDEN', notAdmittedMessage(user.id, auth.viewers?.claim ?? '')).toInfo());
    return ok(user);
  } catch (e) {
    if (isTrellisError(e)) return err(e.toInfo());
    return err(
      new TrellisError('UNAUTHENTICATED', 'Sign-in required: the ALB sign-in token cannot be verified.').toInfo(),
    );
  }
}
