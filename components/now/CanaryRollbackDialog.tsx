'use client';
/**
 * Roll back a failing canary group from its finding: the rule is read fresh with its audit history,
 * the change (canary 0, the stable group(s) as before the shift) is built by the pure
 * `canaryRollbackChange`, and shown in the routing page's preview dialog; Confirm sends it through
 * the same version-checked, audited write as any edit.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getResourceHistory, getServiceRouting } from '@/lib/actions/routing';
import type { AuditEvent } from '@/lib/audit/event';
import type { ErrorInfo } from '@/lib/domain/errors';
import { canaryRollbackChange, type CanaryRollbackTarget } from '@/lib/routing/canaryRollback';
import { diffRule } from '@/lib/routing/ruleDiff';
import { routingWarnings } from '@/lib/routing/ruleValidation';
import { healthByArn, targetGroupName, type ServiceRouting } from '@/lib/routing/view';
import { ErrorNote } from '../routing/ErrorNote';
import { useOwnerGate } from '../routing/OwnerGate';
import { PreviewDialog } from '../routing/PreviewDialog';
import { routingKeys } from '../routing/queryKeys';
import { errorInfoOf, unwrap } from '../routing/resultError';
import { appliedText, useApplyChange } from '../routing/useApply';
import { absoluteTime } from './nowView';
import { triageKeys } from './queryKeys';
import styles from './now.module.css';

interface Props {
  target: CanaryRollbackTarget;
  announce: (text: string) => void;
  onClose: () => void;
}

function prepare(
  routing: ServiceRouting | undefined,
  history: { events: AuditEvent[]; error?: ErrorInfo } | undefined,
  target: CanaryRollbackTarget,
) {
  if (!routing || !history) return undefined;
  const nameOf = (arn: string) => targetGroupName(routing.targetGroups, arn);
  const listener = routing.listeners.find((l) => l.arn === target.listenerArn);
  if (!listener) {
    const error: ErrorInfo = {
      code: 'NOT_FOUND',
      message: 'The listener of this finding no longer exists.',
      retryable: false,
    };
    return { ok: false as const, error };
  }
  try {
    const { change, plan } = canaryRollbackChange(listener, target, history.events, nameOf);
    const isDefault = change.kind === 'updateDefault';
    const rule = change.kind === 'updateRule' ? listener.rules.find((r) => r.arn === change.ruleArn) : undefined;
    const before = isDefault
      ? { action: listener.defaultAction! }
      : { priority: rule!.priority, match: rule!.match, ...(rule!.action ? { action: rule!.action } : {}) };
    const label = isDefault ? `default action of ${listener.name}` : `rule ${rule!.name}`;
    return {
      ok: true as const,
      change,
      plan,
      label,
      canaryName: nameOf(target.targetGroupArn),
      diffs: [{ label, diff: diffRule(before, change.after, nameOf, isDefault) }],
      warnings: routingWarnings(plan.action, healthByArn(routing.targetGroups), nameOf),
      historyError: history.error,
    };
  } catch (e) {
    return { ok: false as const, error: errorInfoOf(e) };
  }
}

/** The preview → confirm dialog of a canary rollback; closes itself after a successful apply. */
export function CanaryRollbackDialog({ target, announce, onClose }: Props) {
  const qc = useQueryClient();
  const routing = useQuery({
    queryKey: routingKeys.service(target.serviceArn),
    queryFn: async () => unwrap(await getServiceRouting({ serviceArn: target.serviceArn })),
    staleTime: 0,
  });
  const historyArn = target.ruleArn ?? target.listenerArn;
  const history = useQuery({
    queryKey: routingKeys.history(historyArn),
    queryFn: async () => unwrap(await getResourceHistory({ resourceArn: historyArn })),
    staleTime: 0,
    retry: false,
  });
  // Without the audit history the rollback still works: the other groups keep their weights.
  const events = history.isSuccess
    ? { events: history.data }
    : history.isError
      ? { events: [], error: errorInfoOf(history.error) }
      : undefined;
  const ready = prepare(routing.data, events, target);
  const mutation = useApplyChange((r) => {
    announce(appliedText(`Rolled back ${ready?.ok ? ready.canaryName : 'the canary'}`, r));
    void qc.invalidateQueries({ queryKey: triageKeys.all });
    onClose();
  });
  const loadError = routing.error ? errorInfoOf(routing.error) : undefined;
  const plan = ready?.ok ? ready : undefined;
  const refused = ready && !ready.ok ? ready.error : undefined;
  // A rollback is a write like any other: a managed rule needs the owner override here too.
  const gate = useOwnerGate(plan ? { change: plan.change } : undefined);
  return (
    <PreviewDialog
      title={plan ? `Preview: roll back ${plan.canaryName} on ${plan.label}` : 'Preview: roll back the canary'}
      confirmLabel="Confirm roll back"
      diffs={plan?.diffs ?? []}
      warnings={plan?.warnings ?? []}
      pending={mutation.isPending || !plan}
      {...(mutation.error ? { error: errorInfoOf(mutation.error) } : {})}
      gate={gate}
      onConfirm={() => plan && mutation.mutate({ change: plan.change, overrideOwner: gate.override })}
      onClose={onClose}
    >
      {!ready && !loadError ? <p className={styles.muted}>Reading the rule and its history…</p> : null}
      {plan ? (
        <p className={styles.muted} data-testid="rollback-basis">
          {plan.plan.basis === 'audit'
            ? `${plan.canaryName} goes to weight 0; the other group(s) get the weights they had before the shift of ` +
              `${absoluteTime(plan.plan.shiftTime ?? '', Date.now())} (audit entry ${plan.plan.shiftEventId}).`
            : `${plan.canaryName} goes to weight 0; the other group(s) keep their current weights ` +
              '(the audit log has no earlier shift of this rule).'}
        </p>
      ) : null}
      {plan?.historyError ? (
        <ErrorNote error={plan.historyError} title="The rule's audit history could not be read" />
      ) : null}
      {loadError ? <ErrorNote error={loadError} title="The rollback cannot be prepared" /> : null}
      {refused ? <ErrorNote error={refused} title="Nothing to roll back" testId="rollback-refused" /> : null}
      {mutation.error && errorInfoOf(mutation.error).code === 'CONFLICT' ? (
        <p className={styles.muted}>Close and press Roll back again to preview against the current state.</p>
      ) : null}
    </PreviewDialog>
  );
}
