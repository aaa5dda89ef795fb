/**
 * Who signs a simulated request: a session of a caller's IAM role, or nobody (anonymous), and how
 * an incident's `principal` (session ARN, role ARN, user ARN, account id, `:root`, or "Anonymous")
 * names callers.
 */
import { hashString, type Rng } from '../core/rng';
import type { AuthPrincipal } from './authPolicy';
import type { CallerSpec } from './types';
import { ANONYMOUS } from './vocabulary';

const ROLE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;
const SESSION = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[\w+=,.@-]+$/;
const OTHER_IAM = /^arn:aws[a-z-]*:iam::(\d{12}):(?:user\/.+|root)$/;

/** Whether a string names a principal an incident can use. */
export function isPrincipalRef(ref: string): boolean {
  return ref === ANONYMOUS || /^\d{12}$/.test(ref) || ROLE.test(ref) || SESSION.test(ref) || OTHER_IAM.test(ref);
}

/** Principals by caller and session: built once, so every record shares the same strings. */
const sessionsOf = new WeakMap<CallerSpec, AuthPrincipal[]>();

/** The signed identity of one request of a caller (a random session of its role). */
export function callerPrincipal(caller: CallerSpec, rng: Rng): AuthPrincipal | undefined {
  if (!caller.roleArn) return undefined;
  let principals = sessionsOf.get(caller);
  if (!principals) {
    const m = ROLE.exec(caller.roleArn);
    const roleArn = caller.roleArn;
    principals = !m
      ? []
      : (caller.sessions?.length ? caller.sessions : ['session']).map((session) => ({
          accountId: m[1] as string,
          arn: `arn:aws:sts::${m[1]}:assumed-role/${m[2]}/${session}`,
          roleArn,
          ...(caller.orgId ? { orgId: caller.orgId } : {}),
        }));
    sessionsOf.set(caller, principals);
  }
  return principals.length === 0 ? undefined : rng.pick(principals);
}

/** A stable ECS-task-like session name (32 hex digits) for a role an incident names. */
function sessionName(roleArn: string): string {
  return [1, 2, 3, 4].map((k) => hashString(`${k}:${roleArn}`).toString(16).padStart(8, '0')).join('');
}

/** The identity behind an incident's principal (undefined for "Anonymous"). */
export function principalOf(ref: string): AuthPrincipal | undefined {
  const session = SESSION.exec(ref);
  if (session)
    return { accountId: session[1] as string, arn: ref, roleArn: `arn:aws:iam::${session[1]}:role/${session[2]}` };
  const role = ROLE.exec(ref);
  if (role)
    return {
      accountId: role[1] as string,
      arn: `arn:aws:sts::${role[1]}:assumed-role/${role[2]}/${sessionName(ref)}`,
      roleArn: ref,
    };
  const other = OTHER_IAM.exec(ref);
  if (other) return { accountId: other[1] as string, arn: ref };
  if (/^\d{12}$/.test(ref)) return { accountId: ref, arn: `arn:aws:iam::${ref}:root` };
  return undefined;
}

/** Whether an incident's principal covers a request's signer. */
export function principalMatches(ref: string, p: AuthPrincipal | undefined): boolean {
  if (ref === ANONYMOUS) return p === undefined;
  if (!p) return false;
  if (/^\d{12}$/.test(ref)) return p.accountId === ref;
  if (ref === `arn:aws:iam::${p.accountId}:root`) return true;
  return ref === p.arn || ref === p.roleArn;
}
