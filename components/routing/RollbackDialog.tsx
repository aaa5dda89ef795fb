'use client';
/**
 * Rollback of an audit entry through the same preview/confirm path as any edit: the server builds the
 * reverting change from the stored entry; the preview compares it with the current state (read
 * fresh), and the apply is refused with CONFLICT if the rule changed since the entry.
 */
import { useQuery } from '@tanstack/react-query';
import { getServiceRouting } from '@/lib/actions/routing';
import { previewRollback } from '@/lib/actions/audit';
import type { AuditEvent } from '@/lib/audit/event';
import type { RoutingChange } from '@/lib/routing/change';
import { targetGroupName, type ServiceRouting } from '@/lib/routing/view';
import { diffRule, type RuleDiff } from '@/lib/routing/ruleDiff';
import type { RuleContent } from '@/lib/routing/ruleValidation';
import { sameVersion } from '@/lib/routing/ruleVersion';
import { auditKeys } from '../audit/queryKeys';
import { ErrorNote } from './ErrorNote';
import { PreviewDialog } from './PreviewDialog';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import { useOwnerGate } from './OwnerGate';
import { appliedText, useRollback } from './useApply';
import styles from './routing.module.css';

interface Current {
  content: RuleContent | undefined;
  version: string | undefined;
}

function currentOf(
  routing: ServiceRouting,
  listenerArn: string,
  ruleArn: string | undefined,
  isDefault: boolean,
): Current {
  const l = routing.listeners.find((x) => x.arn === listenerArn);
  if (!l) return { content: undefined, version: undefined };
  if (isDefault) return { content: l.defaultAction ? { action: l.defaultAction } : {}, version: l.defaultVersion };
  const r = l.rules.find((x) => x.arn === ruleArn);
  return r
    ? {
        content: { priority: r.priority, match: r.match, ...(r.action ? { action: r.action } : {}) },
        version: r.version,
      }
    : { content: undefined, version: undefined };
}

function diffsOf(
  change: RoutingChange,
  routing: ServiceRouting,
): { diffs: Array<{ label: string; diff: RuleDiff }>; conflict: boolean } {
  const nameOf = (arn: string) => targetGroupName(routing.targetGroups, arn);
  const ruleName = (arn: string) =>
    routing.listeners.flatMap((l) => l.rules).find((r) => r.arn === arn)?.name ?? arn.split('/').pop() ?? arn;
  const one = (
    ruleArn: string | undefined,
    isDefault: boolean,
    expected: string | undefined,
    after: RuleContent | undefined,
    label: string,
  ) => {
    const cur = currentOf(routing, change.listenerArn, ruleArn, isDefault);
    const conflict = expected !== undefined && (cur.version === undefined || !sameVersion(expected, cur.version));
    return { label, diff: diffRule(cur.content, after, nameOf, isDefault), conflict };
  };
  const parts =
    change.kind === 'batchUpdate'
      ? change.updates.map((u) => one(u.ruleArn, false, u.expectedVersion, u.after, ruleName(u.ruleArn)))
      : change.kind === 'updateDefault'
        ? [one(undefined, true, change.expectedVersion, change.after, 'default action')]
        : change.kind === 'createRule'
          ? [one(undefined, false, undefined, change.after, change.name)]
          : [
              one(
                change.ruleArn,
                false,
                change.expectedVersion,
                change.kind === 'updateRule' ? change.after : undefined,
                ruleName(change.ruleArn),
              ),
            ];
  return { diffs: parts.map(({ label, diff }) => ({ label, diff })), conflict: parts.some((p) => p.conflict) };
}

/** The rollback preview of `event`; closes itself after a successful rollback. */
export function RollbackDialog({
  event,
  announce,
  onClose,
}: {
  event: AuditEvent;
  announce: (t: string) => void;
  onClose: () => void;
}) {
  const prep = useQuery({
    queryKey: auditKeys.rollback(event.id),
    queryFn: async () => unwrap(await previewRollback({ eventId: event.id, time: event.time })),
    staleTime: 0,
  });
  const routing = useQuery({
    queryKey: routingKeys.service(event.serviceArn),
    queryFn: async () => unwrap(await getServiceRouting({ serviceArn: event.serviceArn })),
  });
  const mutation = useRollback((r) => {
    announce(appliedText(`Rolled back the change of ${event.time}`, r));
    onClose();
  });
  const ready = prep.data && routing.data ? diffsOf(prep.data.change, routing.data) : undefined;
  const loadError = prep.error ?? routing.error;
  const gate = useOwnerGate(prep.data ? { change: prep.data.change } : undefined);
  return (
    <PreviewDialog
      title="Preview: roll back this change"
      confirmLabel="Roll back"
      diffs={ready?.diffs ?? []}
      warnings={
        ready?.conflict
          ? [
              {
                kind: 'no-traffic',
                message:
                  'The rule changed since this entry: the rollback will be refused. Review the current state first.',
              },
            ]
          : []
      }
      pending={mutation.isPending || !ready}
      {...(mutation.error ? { error: errorInfoOf(mutation.error) } : {})}
      gate={gate}
      onConfirm={() => mutation.mutate({ eventId: event.id, time: event.time, overrideOwner: gate.override })}
      onClose={onClose}
    >
      {!ready && !loadError ? <p className={styles.muted}>Reading the entry and the current state…</p> : null}
      {loadError ? <ErrorNote error={errorInfoOf(loadError)} title="The rollback cannot be prepared" /> : null}
    </PreviewDialog>
  );
}
