'use client';
/** The audit history of the selected rule or default action, newest first, each applied change revertible. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getResourceHistory } from '@/lib/actions/routing';
import { isRevertible, type AuditEvent } from '@/lib/audit/event';
import { AuditChangeSummary } from '../audit/AuditChangeSummary';
import { ErrorNote } from './ErrorNote';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import { RollbackDialog } from './RollbackDialog';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';

interface Props {
  resourceArn: string;
  /** Only the listener's default-action entries (the listener ARN is in every rule's entries too). */
  defaultOnly: boolean;
  nameOf: (arn: string) => string;
  blockedReason?: string;
  announce: (t: string) => void;
}

/** History list with rollback. */
export function RuleHistory({ resourceArn, defaultOnly, nameOf, blockedReason, announce }: Props) {
  const q = useQuery({
    queryKey: routingKeys.history(resourceArn),
    queryFn: async () => unwrap(await getResourceHistory({ resourceArn })),
  });
  const [rollback, setRollback] = useState<AuditEvent | undefined>();
  const events = (q.data ?? []).filter(
    (e) => !defaultOnly || e.changes.some((c) => c.isDefault) || (e.canary !== undefined && !e.ruleArn),
  );
  return (
    <section className={styles.history} aria-labelledby="history-title" data-testid="rule-history">
      <h2 id="history-title">History</h2>
      {q.isPending ? <p className={styles.muted}>Reading the audit log…</p> : null}
      {q.isError ? <ErrorNote error={errorInfoOf(q.error)} title="The history could not be read" /> : null}
      {q.isSuccess && events.length === 0 ? (
        <p className={styles.muted}>No change recorded in the last 30 days.</p>
      ) : null}
      <ol className={styles.historyList}>
        {events.map((e) => (
          <li key={e.id} data-testid="history-entry">
            <div>
              <time dateTime={e.time}>{new Date(e.time).toLocaleString()}</time> · {e.user.name} · {e.action} ·{' '}
              <span className={styles[`result_${e.result}`]}>{e.result}</span>
            </div>
            <AuditChangeSummary event={e} nameOf={nameOf} />
            {isRevertible(e) ? (
              <button
                type="button"
                className={buttonClass('secondary', 'sm')}
                disabled={Boolean(blockedReason)}
                title={blockedReason}
                onClick={() => setRollback(e)}
              >
                Roll back
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {rollback ? <RollbackDialog event={rollback} announce={announce} onClose={() => setRollback(undefined)} /> : null}
    </section>
  );
}
