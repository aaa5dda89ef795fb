/**
 * TRELLIS_AUTH and its companions, parsed with zod (part of lib/config; split out to keep that file
 * small). Every problem is collected as one line naming its variable.
 */
import { z } from 'zod';
import { ROLES, type Role } from './domain/user';

/** Who becomes an operator: users whose `claim` (a string or a list of strings) holds one of `operatorValues`. */
export interface RoleMapping {
  /** Name of the claim in the ALB's user claims, e.g. `groups`, `email`, `cognito:groups`. */
  claim: string;
  /** Exact, case-sensitive values that make an operator; empty means nobody is. */
  operatorValues: string[];
}

/**
 * Who may enter at all: users whose `claim` holds one of `values` (operators always may). Absent: everyone the
 * identity provider signs in is a viewer of every account.
 */
export interface ViewerAllowList {
  claim: string;
  values: string[];
}

/** How users are identified. */
export type AuthConfig =
  | { mode: 'none'; anonymousRole: Role }
  | {
      mode: 'alb';
      /**
       * The only `signer` accepted in the token header. Unset: every request is refused (and the server does
       * not start).
       */
      albArn?: string;
      /** Base URL of the ALB public keys (`<base>/<kid>` answers a PEM); default: the regional ELB key endpoint. */
      keysUrl?: string;
      /** The only `client` (OIDC client id) accepted in the token header (TRELLIS_ALB_CLIENT_ID; required to start). */
      clientId?: string;
      /** The only `iss` accepted in the token header (TRELLIS_ALB_ISSUER; required to start). */
      issuer?: string;
      roles: RoleMapping;
      /** TRELLIS_VIEWER_CLAIM / TRELLIS_VIEWER_VALUES; absent when no values are set. */
      viewers?: ViewerAllowList;
      /** Where /api/auth/sign-out sends the user after ending the ALB session (the IdP's logout endpoint). */
      signOutUrl?: string;
    };

type Env = Record<string, string | undefined>;

const ALB_ARN = z
  .string()
  .regex(
    /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:loadbalancer\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{1,32}$/,
    'must be an application load balancer ARN ' +
      '(arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/app/<name>/<id>)',
  );
const KEYS_URL = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));
const TOKEN_FIELD = z
  .string()
  .regex(/^[\x21-\x7e]{1,512}$/, 'must be 1-512 printable characters without spaces (as the IdP spells it)');
const SIGN_OUT_URL = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const CLAIM = z
  .string()
  .regex(/^[A-Za-z0-9_:./-]{1,128}$/, 'must be a claim name of 1-128 characters [A-Za-z0-9_:./-]');
const VALUES = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  )
  .pipe(z.array(z.string().max(256, 'each value must be at most 256 characters')).max(100, 'at most 100 values'));

function parseVar<T>(env: Env, name: string, schema: z.ZodType<T>, issues: string[]): T | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  issues.push(`${name}: ${r.error.issues[0]?.message ?? 'invalid'}, got '${raw}'`);
  return undefined;
}

/**
 * Parses TRELLIS_AUTH (default `alb`), TRELLIS_ANONYMOUS_ROLE, TRELLIS_ALB_ARN, TRELLIS_ALB_KEYS_URL,
 * TRELLIS_ALB_CLIENT_ID, TRELLIS_ALB_ISSUER, TRELLIS_OPERATOR_CLAIM, TRELLIS_OPERATOR_VALUES,
 * TRELLIS_VIEWER_CLAIM, TRELLIS_VIEWER_VALUES, TRELLIS_SIGN_OUT_URL.
 */
export function parseAuth(env: Env, issues: string[]): AuthConfig {
  const mode =
    parseVar(env, 'TRELLIS_AUTH', z.enum(['alb', 'none'], { error: 'must be one of alb, none' }), issues) ?? 'alb';
  if (mode === 'none') {
    const role = parseVar(
      env,
      'TRELLIS_ANONYMOUS_ROLE',
      z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }),
      issues,
    );
    if (!role && !env.TRELLIS_ANONYMOUS_ROLE?.trim())
      issues.push(
        `TRELLIS_ANONYMOUS_ROLE: is required when TRELLIS_AUTH=none (${ROLES.join(' or ')}: what everyone may do)`,
      );
    return { mode, anonymousRole: role ?? 'viewer' };
  }
  const albArn = parseVar(env, 'TRELLIS_ALB_ARN', ALB_ARN, issues);
  const keysUrl = parseVar(env, 'TRELLIS_ALB_KEYS_URL', KEYS_URL, issues);
  const claim = parseVar(env, 'TRELLIS_OPERATOR_CLAIM', CLAIM, issues) ?? 'groups';
  const operatorValues = parseVar(env, 'TRELLIS_OPERATOR_VALUES', VALUES, issues) ?? [];
  const clientId = parseVar(env, 'TRELLIS_ALB_CLIENT_ID', TOKEN_FIELD, issues);
  const issuer = parseVar(env, 'TRELLIS_ALB_ISSUER', TOKEN_FIELD, issues);
  const viewerClaim = parseVar(env, 'TRELLIS_VIEWER_CLAIM', CLAIM, issues) ?? 'groups';
  const viewerValues = parseVar(env, 'TRELLIS_VIEWER_VALUES', VALUES, issues) ?? [];
  const signOutUrl = parseVar(env, 'TRELLIS_SIGN_OUT_URL', SIGN_OUT_URL, issues);
  return {
    mode,
    ...(albArn ? { albArn } : {}),
    ...(keysUrl ? { keysUrl } : {}),
    ...(clientId ? { clientId } : {}),
    ...(issuer ? { issuer } : {}),
    roles: { claim, operatorValues },
    ...(viewerValues.length > 0 ? { viewers: { claim: viewerClaim, values: viewerValues } } : {}),
    ...(signOutUrl ? { signOutUrl } : {}),
  };
}

/**
 * The ALB public-key base URL for a region: `https://public-keys.auth.elb.<region>.amazonaws.com`,
 * or the S3 location AWS documents for GovCloud.
 */
export function defaultAlbKeysUrl(region: string): string {
  if (region.startsWith('us-gov-')) return `https://s3-${region}.amazonaws.com/aws-elb-public-keys-prod-${region}`;
  return `https://public-keys.auth.elb.${region}.amazonaws.com`;
}

/** The region in an ALB ARN. */
export function regionOfArn(arn: string): string | undefined {
  return /^arn:[^:]+:elasticloadbalancing:([a-z0-9-]+):/.exec(arn)?.[1];
}
