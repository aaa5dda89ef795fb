/** Audit events of canary transitions that change no weights (pause, resume, completion). */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditCanary, AuditEvent } from '../../audit/event';
import type { CanaryTarget } from './plan';
import { writeAuditEvent } from '../../audit/log';
import { ownerScope, type RoutingContext } from '../context';

/** Writes an applied canary event without rule changes. */
export async function auditCanary(
  ctx: RoutingContext,
  t: CanaryTarget,
  action: AuditAction,
  canary: AuditCanary,
  replica?: string,
): Promise<void> {
  const event: AuditEvent = {
    v: 1,
    id: randomUUID(),
    time: new Date(ctx.now()).toISOString(),
    user: { id: ctx.user.id, name: ctx.user.name },
    action,
    result: 'applied',
    accountId: ownerScope(t.serviceArn).accountId,
    serviceArn: t.serviceArn,
    listenerArn: t.listenerArn,
    ...(t.ruleArn ? { ruleArn: t.ruleArn } : {}),
    resources: [t.serviceArn, t.listenerArn, ...(t.ruleArn ? [t.ruleArn] : [])].join(' '),
    changes: [],
    canary,
    ...(replica ? { replica } : {}),
  };
  await writeAuditEvent(ctx.factory, event);
}
