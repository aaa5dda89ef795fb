/**
 * The Condition block of an auth policy: the String* operators (with `IfExists`) over the request
 * keys the simulator knows. An unknown operator or key makes the condition false (so its statement
 * does not match). As in IAM, a missing key fails positive operators and satisfies negated ones
 * (`StringNotEquals`, `StringNotLike`) and every `...IfExists` operator.
 */
import type { AuthPrincipal } from './authPolicy';
import { globMatch } from './glob';

/** Request facts that conditions can test. */
export interface AuthContext {
  serviceNetworkArn: string;
  serviceArn: string;
  sourceVpc: string;
  sourceVpcOwnerAccount: string;
  requestMethod: string;
  requestPath: string;
}

type Getter = (ctx: AuthContext, p: AuthPrincipal | undefined) => string | undefined;

/** Condition keys by lower-cased name (IAM key names are case-insensitive). */
const KEYS: Record<string, Getter> = {
  'aws:principalaccount': (_c, p) => p?.accountId,
  'aws:principalarn': (_c, p) => p?.roleArn ?? p?.arn,
  'aws:principalorgid': (_c, p) => p?.orgId,
  'vpc-lattice-svcs:servicenetworkarn': (c) => c.serviceNetworkArn,
  'vpc-lattice-svcs:servicearn': (c) => c.serviceArn,
  'vpc-lattice-svcs:sourcevpc': (c) => c.sourceVpc,
  'vpc-lattice-svcs:sourcevpcowneraccount': (c) => c.sourceVpcOwnerAccount,
  'vpc-lattice-svcs:requestmethod': (c) => c.requestMethod,
  'vpc-lattice-svcs:requestpath': (c) => c.requestPath,
};

interface Operator {
  negated: boolean;
  test(pattern: string, value: string): boolean;
}

const OPERATORS: Record<string, Operator> = {
  StringEquals: { negated: false, test: (a, b) => a === b },
  StringNotEquals: { negated: true, test: (a, b) => a === b },
  StringEqualsIgnoreCase: { negated: false, test: (a, b) => a.toLowerCase() === b.toLowerCase() },
  StringNotEqualsIgnoreCase: { negated: true, test: (a, b) => a.toLowerCase() === b.toLowerCase() },
  StringLike: { negated: false, test: (a, b) => globMatch(a, b) },
  StringNotLike: { negated: true, test: (a, b) => globMatch(a, b) },
};

function values(v: unknown): string[] | undefined {
  const items = Array.isArray(v) ? v : [v];
  if (items.length === 0) return undefined;
  const out: string[] = [];
  for (const x of items) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number' || typeof x === 'boolean') out.push(String(x));
    else return undefined;
  }
  return out;
}

/** Whether the evaluator understands one condition entry (operator, keys and value types). */
export function conditionUnderstood(opName: string, block: unknown): boolean {
  const op = OPERATORS[opName.endsWith('IfExists') ? opName.slice(0, -'IfExists'.length) : opName];
  if (!op || block === null || typeof block !== 'object' || Array.isArray(block)) return false;
  return Object.entries(block as Record<string, unknown>).every(
    ([key, raw]) => KEYS[key.toLowerCase()] !== undefined && values(raw) !== undefined,
  );
}

/** Whether one `"<Operator>": { "<key>": value(s), ... }` entry holds for the request. */
export function conditionHolds(
  opName: string,
  block: unknown,
  ctx: AuthContext,
  p: AuthPrincipal | undefined,
): boolean {
  const ifExists = opName.endsWith('IfExists');
  const op = OPERATORS[ifExists ? opName.slice(0, -'IfExists'.length) : opName];
  if (!op || block === null || typeof block !== 'object' || Array.isArray(block)) return false;
  for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
    const get = KEYS[key.toLowerCase()];
    const wanted = values(raw);
    if (!get || !wanted) return false;
    const actual = get(ctx, p);
    if (actual === undefined) {
      if (ifExists || op.negated) continue;
      return false;
    }
    const hit = wanted.some((w) => op.test(w, actual));
    if (op.negated ? hit : !hit) return false;
  }
  return true;
}
