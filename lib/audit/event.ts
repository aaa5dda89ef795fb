/**
 * Audit events: one JSON log event per attempted routing change (and per canary transition), written
 * to the audit log group in CloudWatch Logs. They are the console's memory of who changed what: the
 * Audit page lists them, and a rollback replays an event's `before` with its `after` as the expected
 * version. Pure.
 */
import type { ErrorCode } from '../domain/errors';
import type { Owner } from '../domain/owner';
import type { RuleContent } from '../routing/ruleValidation';

/** What was attempted. */
export const AUDIT_ACTIONS = [
  'rule.update',
  'rule.create',
  'rule.delete',
  'rules.batch',
  'listener.defaultAction',
  'canary.start',
  'canary.step',
  'canary.pause',
  'canary.resume',
  'canary.promote',
  'canary.abort',
  'canary.complete',
] as const;
/** One of `AUDIT_ACTIONS`. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How it ended. */
export const AUDIT_RESULTS = ['applied', 'conflict', 'refused', 'failed'] as const;
/** One of `AUDIT_RESULTS`. */
export type AuditResult = (typeof AUDIT_RESULTS)[number];

/** One rule's (or default action's) before and after. `null`: it did not exist (created / deleted). */
export interface AuditRuleChange {
  listenerArn: string;
  /** Absent for a default action. */
  ruleArn?: string;
  ruleName?: string;
  isDefault: boolean;
  before: RuleContent | null;
  after: RuleContent | null;
  beforeVersion?: string;
  afterVersion?: string;
}

/** Canary context of an event. */
export interface AuditCanary {
  planId: string;
  /** Step index the event moved to (or was at). */
  step?: number;
  /** Step index the plan was at before the event (whose window the figures cover). */
  fromStep?: number;
  /** Canary percent at that step. */
  percent?: number;
  reason?: string;
  /** Gate figures that justified the step, when there were any. */
  figures?: { canary: GateFiguresLike; stable: GateFiguresLike };
}

/** The shape of gate figures (see lib/routing/canary/plan). */
export interface GateFiguresLike {
  requests: number;
  errors5xx: number;
  denied403: number;
  p99Ms: number | null;
}

/**
 * Why a write to a managed resource went ahead: `confirmed`, the operator confirmed the owner warning;
 * `canaryPlan`, a step of a canary plan whose start was confirmed so.
 */
export type OverrideBasis = 'confirmed' | 'canaryPlan';

/** The owner a change overrode (read fresh at the write), and any other owned resource it wrote. */
export interface AuditOverride {
  basis: OverrideBasis;
  owner: Owner;
  resourceArn: string;
  others?: Array<{ owner: Owner; resourceArn: string }>;
}

/** One audit event. */
export interface AuditEvent {
  v: 1;
  id: string;
  /** ISO time of the attempt. */
  time: string;
  user: { id: string; name: string };
  action: AuditAction;
  result: AuditResult;
  /** Account that owns the service (where the change was made). */
  accountId: string;
  serviceArn: string;
  serviceName?: string;
  listenerArn?: string;
  /** The single rule concerned, when there is one. */
  ruleArn?: string;
  /** Every ARN touched, space-separated, so one `like` filter finds events by any resource. */
  resources: string;
  changes: AuditRuleChange[];
  requestId?: string;
  error?: { code: ErrorCode | string; message: string };
  rollbackOf?: string;
  canary?: AuditCanary;
  /** Which console replica wrote it (canary runner). */
  replica?: string;
  /** Set when the change wrote a resource another system manages (see lib/routing/ownership). */
  override?: AuditOverride;
}

/** A page of the audit list: events and display names of the ARNs they mention. */
export interface AuditPage {
  events: AuditEvent[];
  names: Record<string, string>;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses an event's JSON; undefined when it is not an audit event (other writers may share the group). */
export function parseAuditEvent(message: string): AuditEvent | undefined {
  let v: unknown;
  try {
    v = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (!isObj(v) || v.v !== 1 || typeof v.id !== 'string' || typeof v.time !== 'string') return undefined;
  if (!isObj(v.user) || typeof v.user.id !== 'string') return undefined;
  if (
    !(AUDIT_ACTIONS as readonly unknown[]).includes(v.action) ||
    !(AUDIT_RESULTS as readonly unknown[]).includes(v.result)
  )
    return undefined;
  if (typeof v.serviceArn !== 'string' || !Array.isArray(v.changes)) return undefined;
  return v as unknown as AuditEvent;
}

/** True when the event changed routing and can be reverted (an applied change with a before/after). */
export function isRevertible(e: AuditEvent): boolean {
  return (
    e.result === 'applied' && e.changes.length > 0 && e.changes.every((c) => c.before !== null || c.after !== null)
  );
}
