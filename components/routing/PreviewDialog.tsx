'use client';
/**
 * The confirmation step of every change: a modal dialog (native <dialog>: focus stays inside, Esc
 * closes) with the before/after, warnings, the owner check (who manages it; the override), and the
 * error of a refused apply (e.g. CONFLICT with the current state) in place.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import type { RuleDiff } from '@/lib/routing/ruleDiff';
import type { Warning } from '@/lib/routing/ruleValidation';
import { ChangeDiff } from './ChangeDiff';
import { ErrorNote } from './ErrorNote';
import type { OwnerGate } from './OwnerGate';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { noteListClass } from '../ui/Note';

interface Props {
  title: string;
  diffs: Array<{ label: string; diff: RuleDiff }>;
  warnings: Warning[];
  pending: boolean;
  error?: ErrorInfo;
  confirmLabel?: string;
  /** The owner check (useOwnerGate): its warning is shown and Apply waits until it is ready. */
  gate?: OwnerGate;
  /** Extra content (e.g. "reload the current state" after a conflict). */
  children?: ReactNode;
  onConfirm: () => void;
  onClose: () => void;
}

/** The preview/confirm dialog; rendered only while open. */
export function PreviewDialog({
  title,
  diffs,
  warnings,
  pending,
  error,
  confirmLabel = 'Apply change',
  gate,
  children,
  onConfirm,
  onClose,
}: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const refused = error?.code === 'CONFLICT' || error?.code === 'VALIDATION';
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="preview-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="preview-dialog"
    >
      <h2 id="preview-title">{title}</h2>
      <p className={styles.muted}>
        Nothing is written until you apply. The change is refused if the rule changed since it was read.
      </p>
      {diffs.map((d) => (
        <section key={d.label} className={styles.diffSection}>
          {diffs.length > 1 ? <h3>{d.label}</h3> : null}
          <ChangeDiff diff={d.diff} />
        </section>
      ))}
      {warnings.length > 0 ? (
        <ul className={noteListClass('warn')} data-testid="preview-warnings">
          {warnings.map((w) => (
            <li key={w.message}>⚠ {w.message}</li>
          ))}
        </ul>
      ) : null}
      {gate?.node}
      {error ? (
        <ErrorNote
          error={error}
          title={
            error.code === 'CONFLICT'
              ? 'Not applied: the rule changed meanwhile'
              : error.code === 'OWNED'
                ? 'Not applied: another system manages this'
                : 'Not applied'
          }
          testId="apply-error"
        />
      ) : null}
      {children}
      <div className={styles.dialogActions}>
        <button type="button" className={buttonClass('secondary')} onClick={onClose}>
          {refused ? 'Close' : 'Cancel'}
        </button>
        {refused ? null : (
          <button
            type="button"
            className={buttonClass('primary')}
            onClick={onConfirm}
            disabled={pending || (gate !== undefined && !gate.ready)}
            data-testid="confirm-apply"
          >
            {pending ? 'Applying…' : confirmLabel}
          </button>
        )}
      </div>
    </dialog>
  );
}
