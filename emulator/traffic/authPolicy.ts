/**
 * A small but honest evaluator of VPC Lattice auth policies (IAM policy grammar) for one request:
 * Effect Allow/Deny; Principal "*", {"AWS": "*" | account id | ...:root | role ARN | session ARN | list};
 * Action `vpc-lattice-svcs:Invoke` with `*`/`?` wildcards (case-insensitive); Resource `*` or ARN
 * patterns matched against `<service ARN><path>`; Conditions with the String* operators over the
 * keys below. An explicit Deny wins, then an Allow, otherwise the request is denied by default.
 *
 * Anything it does not understand (a condition operator or key, NotPrincipal/NotAction/
 * NotResource, a non-AWS principal type) fails closed: an Allow with it grants nothing, and a Deny
 * with it denies whenever the parts it does understand match, so unknown syntax can never open a
 * service to anyone.
 */
import { conditionHolds, conditionUnderstood, type AuthContext } from './conditions';
import { globMatch } from './glob';

export type { AuthContext } from './conditions';

/** The signed identity of a request (absent for anonymous requests). */
export interface AuthPrincipal {
  accountId: string;
  /** `arn:aws:sts::<acct>:assumed-role/<role>/<session>` or a user ARN. */
  arn: string;
  /** `arn:aws:iam::<acct>:role/<role>` for role sessions. */
  roleArn?: string;
  orgId?: string;
}

/** What the policy is asked about. */
export interface AuthRequest {
  principal?: AuthPrincipal | undefined;
  action: string;
  /** `arn:aws:vpc-lattice:<region>:<acct>:service/<svc-id><path>`. */
  resource: string;
  context: AuthContext;
}

/** Outcome of an evaluation. */
export type AuthDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

type Json = unknown;

function list(v: Json): Json[] | undefined {
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}

function principalEntryMatches(entry: Json, p: AuthPrincipal | undefined): boolean {
  if (entry === '*') return true;
  if (typeof entry !== 'string' || !p) return false;
  if (/^\d{12}$/.test(entry)) return entry === p.accountId;
  if (entry === `arn:aws:iam::${p.accountId}:root`) return true;
  return entry === p.arn || (p.roleArn !== undefined && entry === p.roleArn);
}

function principalMatches(principal: Json, p: AuthPrincipal | undefined): boolean {
  if (principal === '*') return true;
  if (principal === null || typeof principal !== 'object' || Array.isArray(principal)) return false;
  const entries = list((principal as Record<string, Json>).AWS);
  return entries?.some((e) => principalEntryMatches(e, p)) ?? false;
}

function anyPattern(patterns: Json, value: string, ignoreCase: boolean): boolean {
  if (patterns === '*') return true;
  const items = list(patterns);
  if (!items) return false;
  const v = ignoreCase ? value.toLowerCase() : value;
  return items.some(
    (pat) => typeof pat === 'string' && (pat === '*' || globMatch(ignoreCase ? pat.toLowerCase() : pat, v)),
  );
}

function conditionsHold(condition: Json, ctx: AuthContext, p: AuthPrincipal | undefined): boolean {
  if (condition === undefined) return true;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return false;
  return Object.entries(condition as Record<string, Json>).every(([op, block]) => conditionHolds(op, block, ctx, p));
}

/** A parsed policy, ready to evaluate many requests. */
export interface CompiledPolicy {
  statements: Array<Record<string, Json>>;
}

/** Parses a policy document once; an unparsable policy has no statements (so it denies). */
export function compilePolicy(policy: string | Json): CompiledPolicy {
  let doc: Json = policy;
  if (typeof policy === 'string') {
    try {
      doc = JSON.parse(policy) as Json;
    } catch {
      return { statements: [] };
    }
  }
  if (doc === null || typeof doc !== 'object') return { statements: [] };
  const statements = (list((doc as Record<string, Json>).Statement) ?? []).filter(
    (s): s is Record<string, Json> =>
      s !== null &&
      typeof s === 'object' &&
      !Array.isArray(s) &&
      ((s as Record<string, Json>).Effect === 'Allow' || (s as Record<string, Json>).Effect === 'Deny'),
  );
  return { statements };
}

function understood(s: Record<string, Json>): boolean {
  if ('NotPrincipal' in s || 'NotAction' in s || 'NotResource' in s) return false;
  const c = s.Condition;
  if (c === undefined) return true;
  if (c === null || typeof c !== 'object' || Array.isArray(c)) return false;
  return Object.entries(c as Record<string, Json>).every(([op, block]) => conditionUnderstood(op, block));
}

function statementMatches(s: Record<string, Json>, req: AuthRequest): boolean {
  if (!understood(s)) {
    if (s.Effect !== 'Deny') return false;
    // Fail closed: check only what can be checked, and treat the rest as matching.
    return (
      ('NotPrincipal' in s || principalMatches(s.Principal, req.principal)) &&
      ('NotAction' in s || anyPattern(s.Action, req.action, true)) &&
      ('NotResource' in s || anyPattern(s.Resource, req.resource, false))
    );
  }
  return (
    principalMatches(s.Principal, req.principal) &&
    anyPattern(s.Action, req.action, true) &&
    anyPattern(s.Resource, req.resource, false) &&
    conditionsHold(s.Condition, req.context, req.principal)
  );
}

/** Evaluates a policy (compiled, JSON text or parsed document) for a request. Unparsable policies deny. */
export function evaluatePolicy(policy: CompiledPolicy | string | Json, req: AuthRequest): AuthDecision {
  const compiled = isCompiled(policy) ? policy : compilePolicy(policy);
  let allowed = false;
  for (const s of compiled.statements) {
    if (!statementMatches(s, req)) continue;
    if (s.Effect === 'Deny') return 'ExplicitDeny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}

function isCompiled(p: unknown): p is CompiledPolicy {
  return p !== null && typeof p === 'object' && Array.isArray((p as CompiledPolicy).statements) && !('Statement' in p);
}
