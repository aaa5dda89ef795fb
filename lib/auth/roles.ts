/**
 * Verified ALB user claims → the console's `User`. Pure. The role comes from one configured claim
 * (TRELLIS_OPERATOR_CLAIM, default `groups`): a user is an operator when that claim — a string or a
 * list of strings — holds one of TRELLIS_OPERATOR_VALUES exactly. Everyone else is a viewer, and in
 * read-only mode everyone is.
 */
import type { RoleMapping, ViewerAllowList } from '../configAuth';
import type { Role, User } from '../domain/user';

/** The claim's values as strings (a string, or the strings of a list); nothing else counts. */
function claimValues(claims: Record<string, unknown>, name: string): string[] {
  const v = claims[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

function firstString(claims: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (const n of names) {
    const v = claims[n];
    if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, 256);
  }
  return undefined;
}

/** The role the claims earn under `mapping`. */
export function roleFromClaims(claims: Record<string, unknown>, mapping: RoleMapping): Role {
  if (mapping.operatorValues.length === 0) return 'viewer';
  const have = claimValues(claims, mapping.claim);
  return have.some((v) => mapping.operatorValues.includes(v)) ? 'operator' : 'viewer';
}

/**
 * Whether verified claims may enter at all: always without an allow-list; otherwise when the allow-list's
 * claim holds one of its values, or when the claims make an operator.
 */
export function isAdmitted(
  claims: Record<string, unknown>,
  mapping: RoleMapping,
  viewers: ViewerAllowList | undefined,
): boolean {
  if (!viewers) return true;
  if (claimValues(claims, viewers.claim).some((v) => viewers.values.includes(v))) return true;
  return roleFromClaims(claims, mapping) === 'operator';
}

/**
 * The user of verified claims, or undefined when they name nobody. The id (also the SourceIdentity
 * of assumed roles, so CloudTrail shows it) prefers the email, then the user name, then `sub`.
 */
export function userFromClaims(
  claims: Record<string, unknown>,
  mapping: RoleMapping,
  readOnly: boolean,
): User | undefined {
  const id = firstString(claims, ['email', 'preferred_username', 'username', 'sub']);
  if (!id) return undefined;
  const name = firstString(claims, ['name', 'email', 'preferred_username', 'username', 'sub']) ?? id;
  return { id, name, role: readOnly ? 'viewer' : roleFromClaims(claims, mapping), source: 'alb' };
}
