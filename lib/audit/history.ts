/**
 * Reading the audit trail for the Audit page and a rule's history, and finding one event for a
 * rollback. The rollback's change is built on the server from the stored event, never from what the
 * browser sends.
 */
import 'server-only';
import type { AuditEvent, AuditPage } from './event';
import { auditWindow, type AuditFilter } from './filter';
import { TrellisError } from '../domain/errors';
import { rollbackChange } from './rollback';
import type { RoutingChange } from '../routing/change';
import { queryAuditEvents } from './log';
import type { RoutingContext } from '../routing/context';
import { resourceNames } from '../routing/services';

const DAY = 86_400_000;

/** Events of a filter, newest first, with names of the services and target groups they mention. */
export async function listAudit(ctx: RoutingContext, f: AuditFilter): Promise<AuditPage> {
  const events = await queryAuditEvents(ctx.factory, f, auditWindow(f, ctx.now()));
  const arns = new Set<string>();
  for (const e of events) {
    arns.add(e.serviceArn);
    for (const c of e.changes)
      for (const s of [c.before, c.after])
        if (s?.action?.type === 'forward') for (const t of s.action.targetGroups) arns.add(t.targetGroupArn);
  }
  return { events, names: await resourceNames(ctx, arns) };
}

/** The last 30 days of events about one rule or listener. */
export function resourceHistory(ctx: RoutingContext, resourceArn: string): Promise<AuditEvent[]> {
  const now = ctx.now();
  return queryAuditEvents(ctx.factory, { resource: resourceArn }, { startMs: now - 30 * DAY, endMs: now + 60_000 }, 50);
}

/** One event by id, looked up around its time. Throws NOT_FOUND. */
export async function findEvent(ctx: RoutingContext, eventId: string, time: string): Promise<AuditEvent> {
  const at = Date.parse(time);
  const center = Number.isFinite(at) ? at : ctx.now();
  const [event] = await queryAuditEvents(
    ctx.factory,
    { id: eventId },
    { startMs: center - DAY, endMs: center + DAY },
    1,
  );
  if (!event) throw new TrellisError('NOT_FOUND', `Audit entry ${eventId} was not found in the audit log.`);
  return event;
}

/** The stored event and the change that reverts it. */
export async function prepareRollback(
  ctx: RoutingContext,
  eventId: string,
  time: string,
): Promise<{ event: AuditEvent; change: RoutingChange }> {
  const event = await findEvent(ctx, eventId, time);
  return { event, change: rollbackChange(event) };
}
