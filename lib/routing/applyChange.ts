/**
 * The one write path of routing changes (editor, rollback, canary runner): make sure the audit log can
 * be written → refuse a write to a resource another system manages unless overridden (OWNED, read
 * fresh by lib/routing/ownership) → validate with the API's limits → re-read every rule touched and
 * refuse with CONFLICT unless it still has the version the sender saw → write → re-read the
 * after-state → audit.
 * Every attempt is audited, whatever its outcome. The Lattice API has no conditional writes, so a
 * change landing between the re-read and the write (milliseconds) cannot be excluded; the audit log
 * then shows both.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditCanary, AuditEvent, AuditResult, AuditRuleChange, OverrideBasis } from '../audit/event';
import { isTrellisError, toErrorInfo, TrellisError, type ErrorInfo } from '../domain/errors';
import { changeResources, type ApplyResult, type RoutingChange } from './change';
import { auditScope, ensureAuditStream, streamFor, writeAuditEvent } from '../audit/log';
import { latticeOf, ownerScope, type RoutingContext } from './context';
import { afterStates, beforeStates, checkVersions, validateChange } from './changeStates';
import { changeSubjects, checkOwnership } from './ownership';
import { writeChange, type WriteOutcome } from './writeOps';

/** Audit context of a change. */
export interface ApplyOptions {
  /** The audit event this change reverts. */
  rollbackOf?: string;
  canary?: AuditCanary;
  /** Overrides the audit action (canary steps). */
  action?: AuditAction;
  replica?: string;
  /**
   * Writes even when what the change touches is managed by another system (EKS controller, CloudFormation):
   * without it such a write is refused with OWNED (lib/routing/ownership).
   */
  override?: OverrideBasis;
}

const ACTIONS: Record<RoutingChange['kind'], AuditAction> = {
  updateRule: 'rule.update',
  updateDefault: 'listener.defaultAction',
  createRule: 'rule.create',
  deleteRule: 'rule.delete',
  batchUpdate: 'rules.batch',
};

function baseEvent(
  ctx: RoutingContext,
  change: RoutingChange,
  opts: ApplyOptions,
): Omit<AuditEvent, 'result' | 'changes'> {
  const ruleArn = change.kind === 'updateRule' || change.kind === 'deleteRule' ? change.ruleArn : undefined;
  return {
    v: 1,
    id: randomUUID(),
    time: new Date(ctx.now()).toISOString(),
    user: { id: ctx.user.id, name: ctx.user.name },
    action: opts.action ?? ACTIONS[change.kind],
    accountId: ownerScope(change.serviceArn).accountId,
    serviceArn: change.serviceArn,
    listenerArn: change.listenerArn,
    ...(ruleArn ? { ruleArn } : {}),
    resources: changeResources(change).join(' '),
    ...(opts.rollbackOf ? { rollbackOf: opts.rollbackOf } : {}),
    ...(opts.canary ? { canary: opts.canary } : {}),
    ...(opts.replica ? { replica: opts.replica } : {}),
  };
}

async function audit(
  ctx: RoutingContext,
  base: Omit<AuditEvent, 'result' | 'changes'>,
  result: AuditResult,
  changes: AuditRuleChange[],
  error?: unknown,
): Promise<ErrorInfo | undefined> {
  const info = error === undefined ? undefined : toErrorInfo(error);
  const event: AuditEvent = {
    ...base,
    result,
    changes,
    ...(info ? { error: { code: info.code, message: info.message } } : {}),
    ...(info?.requestId ? { requestId: info.requestId } : {}),
  };
  try {
    await writeAuditEvent(ctx.factory, event);
    return undefined;
  } catch (e) {
    console.error(`audit: could not write event ${event.id} (${event.action} ${result})`, e);
    return toErrorInfo(e);
  }
}

/** The service's name for the audit entry (best effort: the entry is still written without it). */
async function nameOfService(ctx: RoutingContext, serviceArn: string): Promise<string | undefined> {
  try {
    return (await latticeOf(ctx, serviceArn).getService(serviceArn)).name;
  } catch {
    return undefined;
  }
}

/**
 * Applies one change (see the module comment). Throws VALIDATION, CONFLICT or the AWS error; returns what was
 * applied.
 */
export async function applyChange(
  ctx: RoutingContext,
  change: RoutingChange,
  opts: ApplyOptions = {},
): Promise<ApplyResult> {
  const base = baseEvent(ctx, change, opts);
  // Fail closed: no change without a place to record it.
  await ensureAuditStream(ctx.factory, await auditScope(ctx.factory), streamFor(base));
  const [before, serviceName] = await Promise.all([beforeStates(ctx, change), nameOfService(ctx, change.serviceArn)]);
  if (serviceName) base.serviceName = serviceName;
  const planned: AuditRuleChange[] = before.map((b) => ({ ...b.change }));
  try {
    const override = await checkOwnership(ctx, changeSubjects(change), opts.override);
    if (override) base.override = override;
    await validateChange(ctx, change, before);
    await checkVersions(ctx, change, before);
  } catch (e) {
    await audit(ctx, base, isTrellisError(e) && e.code === 'CONFLICT' ? 'conflict' : 'refused', planned, e);
    throw e;
  }
  let outcome: WriteOutcome;
  try {
    outcome = await writeChange(ctx, change);
  } catch (e) {
    await audit(ctx, base, 'failed', planned, e);
    throw e;
  }
  const changes = await afterStates(ctx, change, before, outcome);
  const failed = outcome.failures.length > 0;
  const failure = failed
    ? new TrellisError(
        'CONFLICT',
        `BatchUpdateRule did not update ` +
          `${outcome.failures.map((f) => `${f.ruleArn.split('/').pop()}: ${f.code} ${f.message}`).join('; ')}`,
        { ...(outcome.requestId ? { requestId: outcome.requestId } : {}) },
      )
    : undefined;
  const auditError = await audit(
    ctx,
    { ...base, ...(outcome.requestId ? { requestId: outcome.requestId } : {}) },
    failed ? 'failed' : 'applied',
    changes,
    failure,
  );
  if (failure) throw failure;
  return {
    eventId: base.id,
    ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    changes,
    ...(auditError ? { auditError } : {}),
  };
}
