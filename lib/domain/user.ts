/** Who is using the console and what they may do. Pure types shared by config and auth. */

/** Console roles: a viewer reads; an operator may also change routes and weights. */
export const ROLES = ['viewer', 'operator'] as const;

/** One of `ROLES`. */
export type Role = (typeof ROLES)[number];

/** The signed-in user (or the anonymous user when authentication is off). */
export interface User {
  /** Stable id: the OIDC subject/email behind the ALB, or `anonymous`. */
  id: string;
  /** Display name. */
  name: string;
  role: Role;
  /** Where the identity came from. */
  source: 'anonymous' | 'alb';
}
