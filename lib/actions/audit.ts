'use server';
/**
 * Server actions of the Audit page: list with filters, and rollback of an entry (built on the server from the
 * stored entry).
 */
import type { AuditEvent, AuditPage } from '../audit/event';
import type { AuditFilter } from '../audit/filter';
import type { Result } from '../domain/result';
import type { ApplyResult, RoutingChange } from '../routing/change';
import { applyChange } from '../routing/applyChange';
import { routingContext } from '../routing/context';
import { listAudit, prepareRollback } from '../audit/history';
import { auditListSchema, eventInputSchema, rollbackInputSchema } from '../routing/schemas';
import { runAction } from './run';

/** Audit entries matching the filter, newest first (at most 200). */
export async function listAuditEvents(input: AuditFilter): Promise<Result<AuditPage>> {
  return runAction({ name: 'audit.list', input: auditListSchema, mutates: false }, input, (i, { user }) =>
    listAudit(routingContext(user), i),
  );
}

/** The stored entry and the change that would revert it, for the preview. */
export async function previewRollback(input: {
  eventId: string;
  time: string;
}): Promise<Result<{ event: AuditEvent; change: RoutingChange }>> {
  return runAction({ name: 'audit.previewRollback', input: eventInputSchema, mutates: false }, input, (i, { user }) =>
    prepareRollback(routingContext(user), i.eventId, i.time),
  );
}

/**
 * Reverts an entry: its `before` is written if the rule still has its `after` version (else CONFLICT), and,
 * for what another system manages, only with `overrideOwner` (else OWNED).
 */
export async function applyRollback(input: {
  eventId: string;
  time: string;
  overrideOwner?: boolean;
}): Promise<Result<ApplyResult>> {
  return runAction(
    { name: 'audit.rollback', input: rollbackInputSchema, mutates: true },
    input,
    async (i, { user }) => {
      const ctx = routingContext(user);
      const { event, change } = await prepareRollback(ctx, i.eventId, i.time);
      return applyChange(ctx, change, { rollbackOf: event.id, ...(i.overrideOwner ? { override: 'confirmed' } : {}) });
    },
  );
}
