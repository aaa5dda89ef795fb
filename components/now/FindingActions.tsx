'use client';
/**
 * What a finding's card can do: Roll back a failing canary group (preview → confirm), Abort a running
 * canary plan (confirm in place), or open the rule of a failing stable group. Viewers see the buttons
 * disabled with the reason; the server refuses regardless.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useState } from 'react';
import { commandCanaryPlan } from '@/lib/actions/routing';
import type { Finding } from '@/lib/triage/types';
import { auditKeys } from '../audit/queryKeys';
import { ErrorNote } from '../routing/ErrorNote';
import { routingKeys } from '../routing/queryKeys';
import { errorInfoOf, unwrap } from '../routing/resultError';
import { CanaryRollbackDialog } from './CanaryRollbackDialog';
import { ruleHref } from './nowView';
import { triageKeys } from './queryKeys';
import styles from './now.module.css';

interface Props {
  finding: Finding;
  blockedReason?: string;
  announce: (text: string) => void;
}

interface AbortProps extends Props {
  /** Id of the element that says why the buttons are disabled. */
  reasonId: string;
}

function AbortButton({ finding, blockedReason, announce, reasonId }: AbortProps) {
  const abort = finding.actions?.abort;
  const listenerArn = abort?.listenerArn;
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const command = useMutation({
    mutationFn: async () =>
      unwrap(
        await commandCanaryPlan({
          target: {
            serviceArn: abort!.serviceArn,
            listenerArn: listenerArn!,
            // A plan on a default action is named by its listener.
            ...(abort!.ruleArn !== listenerArn ? { ruleArn: abort!.ruleArn } : {}),
          },
          planId: abort!.planId,
          command: 'abort',
        }),
      ),
    onSuccess: async (s) => {
      setConfirming(false);
      announce(`Canary plan ${s.planId}: aborted (${s.status}); all traffic back to the stable group.`);
      await Promise.all(
        [triageKeys.all, routingKeys.all, auditKeys.all].map((queryKey) => qc.invalidateQueries({ queryKey })),
      );
    },
  });
  if (!abort) return null;
  const reason =
    blockedReason ?? (listenerArn ? undefined : 'The finding does not name the listener; abort it from the rule.');
  return (
    <>
      {confirming ? (
        <fieldset className={styles.confirm} aria-label="Confirm abort">
          <span>Abort plan {abort.planId}, all traffic to the stable group?</span>
          <button
            type="button"
            className={styles.dangerButton}
            disabled={command.isPending}
            onClick={() => command.mutate()}
            data-testid="confirm-abort"
          >
            {command.isPending ? 'Aborting…' : 'Confirm abort'}
          </button>
          <button type="button" className={styles.button} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className={styles.dangerButton}
          disabled={Boolean(reason)}
          title={reason}
          aria-describedby={blockedReason ? reasonId : undefined}
          onClick={() => {
            command.reset();
            setConfirming(true);
          }}
          data-testid="abort-canary"
        >
          Abort canary
        </button>
      )}
      {command.error ? <ErrorNote error={errorInfoOf(command.error)} title="The canary was not aborted" /> : null}
    </>
  );
}

/** The action buttons and links of one card. */
export function FindingActions({ finding, blockedReason, announce }: Props) {
  const [rolling, setRolling] = useState(false);
  const reasonId = useId();
  const a = finding.actions;
  const rollback = a?.rollback;
  const hasButtons = Boolean(rollback || a?.abort);
  return (
    <>
      {rollback ? (
        <button
          type="button"
          className={styles.dangerButton}
          disabled={Boolean(blockedReason)}
          title={blockedReason ?? 'Preview the rollback: canary weight 0, the stable group(s) as before the shift'}
          aria-describedby={blockedReason ? reasonId : undefined}
          onClick={() => setRolling(true)}
          data-testid="rollback"
        >
          Roll back
        </button>
      ) : null}
      <AbortButton
        finding={finding}
        announce={announce}
        reasonId={reasonId}
        {...(blockedReason ? { blockedReason } : {})}
      />
      {a?.ruleLink ? (
        <Link
          className={styles.linkButton}
          href={ruleHref(a.ruleLink.serviceArn, a.ruleLink.ruleArn, finding.where.listenerArn)}
          data-testid="rule-link"
        >
          Open the rule
        </Link>
      ) : null}
      {hasButtons && blockedReason ? (
        <span id={reasonId} className={styles.blocked} data-testid="blocked-reason">
          {blockedReason}
        </span>
      ) : null}
      {rolling && rollback ? (
        <CanaryRollbackDialog target={rollback} announce={announce} onClose={() => setRolling(false)} />
      ) : null}
    </>
  );
}
