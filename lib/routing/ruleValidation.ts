/**
 * Validation of rule edits with the VPC Lattice API's own limits (shapes of the model
 * `vpc-lattice-2022-11-30`), used by the editor for instant feedback and by the server before it
 * writes anything. Every issue names the field, the value and the limit with its model shape, so the
 * operator sees the same rule AWS would apply. Warnings (nothing forwarded, traffic to a target group
 * with no healthy target) do not block. Pure.
 */
import type { RuleAction, RuleMatch } from '../domain/routing';
import type { HealthSummary } from '../domain/snapshot';

/** The API's limits, from the model's shapes. */
export const LIMITS = {
  weight: { min: 0, max: 999, shape: 'TargetGroupWeight' },
  targetGroups: { min: 1, max: 10, shape: 'WeightedTargetGroupList' },
  priority: { min: 1, max: 2000, shape: 'RulePriority' },
  headerMatches: { min: 1, max: 5, shape: 'HeaderMatchList' },
  headerName: { min: 1, max: 100, shape: 'HeaderMatchName' },
  headerValue: { min: 1, max: 200, shape: 'HeaderMatchExact/Prefix/Contains' },
  path: {
    min: 1,
    max: 200,
    shape: 'PathMatchExact/Prefix',
    pattern: /^\/[a-zA-Z0-9@:%_+.~#?&/=-]*$/,
    chars: "'/' then letters, digits and @:%_+.~#?&/=-",
  },
  method: { max: 16, shape: 'HttpMethod' },
  ruleName: { min: 3, max: 63, shape: 'RuleName', pattern: /^(?!rule-)(?!-)(?!.*-$)(?!.*--)[a-z0-9-]+$/ },
  fixedResponse: { codes: [404, 500], shape: 'FixedResponseAction' },
} as const;

const TG_ARN = /^arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\d{12}:targetgroup\/tg-[0-9a-z]{17}$/;

/** A reason the API would refuse an edit. */
export interface Issue {
  /** Where, e.g. `action.targetGroups[1].weight`, `priority`, `match.path.value`. */
  field: string;
  message: string;
}

/** Something worth a second look that the API would accept. */
export interface Warning {
  kind: 'no-traffic' | 'unhealthy-target-group';
  message: string;
  targetGroupArn?: string;
}

/** The editable content of a rule (a default rule has only an action). */
export interface RuleContent {
  priority?: number;
  match?: RuleMatch;
  action?: RuleAction;
}

/** Another rule of the same listener, for the priority uniqueness check. */
export interface SiblingRule {
  arn: string;
  name: string;
  priority?: number;
}

/** Names target groups in messages (falls back to the id in the ARN). */
export type NameOf = (targetGroupArn: string) => string;

const defaultName: NameOf = (arn) => arn.split('/').pop() ?? arn;

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

/** Issues of an action. */
export function validateAction(
  action: RuleAction | undefined,
  nameOf: NameOf = defaultName,
  field = 'action',
): Issue[] {
  if (!action) return [{ field, message: 'An action is required: forward to target groups or a fixed response.' }];
  if (action.type === 'fixedResponse') {
    const ok = (LIMITS.fixedResponse.codes as readonly number[]).includes(action.statusCode);
    return ok
      ? []
      : [
          {
            field: `${field}.statusCode`,
            message:
              `Fixed response status ${action.statusCode} is not supported; ` +
              `the API allows ${LIMITS.fixedResponse.codes.join(' or ')} (${LIMITS.fixedResponse.shape}).`,
          },
        ];
  }
  const issues: Issue[] = [];
  const { min, max, shape } = LIMITS.targetGroups;
  const n = action.targetGroups.length;
  if (n < min || n > max)
    issues.push({
      field: `${field}.targetGroups`,
      message: `A forward action has ${n} target groups; the API allows ${min} to ${max} (${shape}).`,
    });
  const seen = new Set<string>();
  action.targetGroups.forEach((t, i) => {
    const f = `${field}.targetGroups[${i}]`;
    const w = LIMITS.weight;
    if (!isInt(t.weight) || t.weight < w.min || t.weight > w.max) {
      issues.push({
        field: `${f}.weight`,
        message:
          `Weight of ${nameOf(t.targetGroupArn)} is ${String(t.weight)}; ` +
          `the API allows whole numbers ${w.min} to ${w.max} (${w.shape}).`,
      });
    }
    if (!TG_ARN.test(t.targetGroupArn))
      issues.push({
        field: `${f}.targetGroupArn`,
        message: `'${t.targetGroupArn}' is not a target group ARN (TargetGroupIdentifier).`,
      });
    if (seen.has(t.targetGroupArn))
      issues.push({
        field: `${f}.targetGroupArn`,
        message:
          `${nameOf(t.targetGroupArn)} appears more than once; ` +
          `a target group can appear only once in a forward action.`,
      });
    seen.add(t.targetGroupArn);
  });
  return issues;
}

function lengthIssue(
  field: string,
  what: string,
  value: string,
  lim: { min: number; max: number; shape: string },
): Issue | undefined {
  if (value.length >= lim.min && value.length <= lim.max) return undefined;
  return {
    field,
    message: `${what} has ${value.length} characters; the API allows ${lim.min} to ${lim.max} (${lim.shape}).`,
  };
}

/** Issues of a match (non-default rules need at least one condition). */
export function validateMatch(match: RuleMatch | undefined, field = 'match'): Issue[] {
  const issues: Issue[] = [];
  const m = match ?? { headers: [] };
  if (!m.method && !m.path && m.headers.length === 0)
    issues.push({ field, message: 'A rule must match on at least one of method, path or headers (HttpMatch).' });
  if (m.method !== undefined && m.method.length > LIMITS.method.max)
    issues.push({
      field: `${field}.method`,
      message:
        `Method has ${m.method.length} characters; the API allows at most ${LIMITS.method.max} ` +
        `(${LIMITS.method.shape}).`,
    });
  if (m.path) {
    const p = LIMITS.path;
    const len = lengthIssue(`${field}.path.value`, 'Path', m.path.value, p);
    if (len) issues.push(len);
    else if (!p.pattern.test(m.path.value))
      issues.push({
        field: `${field}.path.value`,
        message: `Path '${m.path.value}' must be ${p.chars} (${p.shape} pattern).`,
      });
  }
  if (m.headers.length > LIMITS.headerMatches.max)
    issues.push({
      field: `${field}.headers`,
      message:
        `${m.headers.length} header conditions; the API allows at most ${LIMITS.headerMatches.max} ` +
        `(${LIMITS.headerMatches.shape}).`,
    });
  m.headers.forEach((h, i) => {
    const name = lengthIssue(`${field}.headers[${i}].name`, 'Header name', h.name, LIMITS.headerName);
    if (name) issues.push(name);
    const value = lengthIssue(
      `${field}.headers[${i}].value`,
      `Value of header '${h.name}'`,
      h.value,
      LIMITS.headerValue,
    );
    if (value) issues.push(value);
  });
  return issues;
}

/** Issues of a priority among the listener's other rules. */
export function validatePriority(
  priority: number | undefined,
  siblings: readonly SiblingRule[],
  selfArn: string | undefined,
): Issue[] {
  const { min, max, shape } = LIMITS.priority;
  if (priority === undefined)
    return [
      {
        field: 'priority',
        message: `A priority is required; the API allows whole numbers ${min} to ${max} (${shape}).`,
      },
    ];
  if (!isInt(priority) || priority < min || priority > max)
    return [
      {
        field: 'priority',
        message:
          `Priority ${String(priority)} is out of range; the API allows whole numbers ${min} to ${max} ` +
          `(${shape}).`,
      },
    ];
  const taken = siblings.find((s) => s.arn !== selfArn && s.priority === priority);
  return taken
    ? [
        {
          field: 'priority',
          message:
            `Priority ${priority} is already used by rule ${taken.name}; priorities must be unique per listener ` +
            `(${shape}).`,
        },
      ]
    : [];
}

/** Issues of a new rule's name. */
export function validateRuleName(name: string): Issue[] {
  const l = LIMITS.ruleName;
  const len = lengthIssue('name', 'Rule name', name, l);
  if (len) return [len];
  return l.pattern.test(name)
    ? []
    : [
        {
          field: 'name',
          message:
            `Rule name '${name}' must be lower-case letters, digits and single hyphens, ` +
            `not starting with 'rule-' or a hyphen nor ending with one (${l.shape}).`,
        },
      ];
}

/** Issues of a whole rule (default rules: action only). */
export function validateRule(
  content: RuleContent,
  opts: { isDefault: boolean; siblings?: readonly SiblingRule[]; selfArn?: string; nameOf?: NameOf },
): Issue[] {
  const issues = validateAction(content.action, opts.nameOf);
  if (opts.isDefault) return issues;
  return [
    ...validatePriority(content.priority, opts.siblings ?? [], opts.selfArn),
    ...validateMatch(content.match),
    ...issues,
  ];
}

/** Warnings of an action given target health (target group ARN → summary; missing = unknown). */
export function routingWarnings(
  action: RuleAction | undefined,
  health: Readonly<Record<string, HealthSummary | undefined>>,
  nameOf: NameOf = defaultName,
): Warning[] {
  if (action?.type !== 'forward' || action.targetGroups.length === 0) return [];
  if (action.targetGroups.every((t) => t.weight === 0))
    return [
      { kind: 'no-traffic', message: 'Every weight is 0: no request matching this rule would reach a target group.' },
    ];
  const out: Warning[] = [];
  for (const t of action.targetGroups) {
    const h = health[t.targetGroupArn];
    if (t.weight > 0 && h && h.HEALTHY === 0) {
      out.push({
        kind: 'unhealthy-target-group',
        targetGroupArn: t.targetGroupArn,
        message: `${nameOf(t.targetGroupArn)} has no healthy target but would get traffic (weight ${t.weight}).`,
      });
    }
  }
  return out;
}

/** One line for a refusal: every issue, in order. */
export function describeIssuesLine(issues: readonly Issue[]): string {
  return issues.map((i) => i.message).join(' ');
}
