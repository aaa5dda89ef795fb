'use client';
/** Page-level notes: ignored URL parameters, late logs near "now", the inventory's unreachable accounts. */
import type { ErrorInfo } from '@/lib/domain/errors';
import { INGESTION_DELAY_MS, type TimeWindow } from '@/lib/logs/time';
import styles from './logs.module.css';
import { noteClass } from '../ui/Note';

interface Props {
  /** True for a relative range (it always ends now). */
  relative: boolean;
  problems: string[];
  window: TimeWindow | undefined;
  resolvedAt: number;
  contextError: ErrorInfo | undefined;
  unreachable: Array<{ accountId: string; name: string; message: string }>;
}

/** The notes above the panels. */
export function Notices({ relative, problems, window, resolvedAt, contextError, unreachable }: Props) {
  // Known before the window is resolved for relative ranges, so the note does not push the page down later.
  const late = relative || (window !== undefined && window.endMs > resolvedAt - INGESTION_DELAY_MS);
  return (
    <>
      {problems.length > 0 ? (
        <div className={noteClass('warn', styles.notice)} role="alert" data-testid="url-problems">
          <ul className={styles.noticeList}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {contextError ? (
        <div className={noteClass('warn', styles.notice)} role="alert" data-testid="context-error">
          The inventory could not be read, so the log groups are unknown: {contextError.message}
        </div>
      ) : null}
      {unreachable.length > 0 ? (
        <div className={noteClass('warn', styles.notice)} role="note">
          Not searched (account unreachable):{' '}
          {unreachable.map((u) => `${u.name} (${u.accountId}): ${u.message}`).join('; ')}
        </div>
      ) : null}
      {late ? (
        <div className={noteClass('info', styles.notice)} role="note" data-testid="late-logs">
          Logs reach CloudWatch about {INGESTION_DELAY_MS / 60_000} minutes after the request: the last minutes of this
          window (shaded) may still be incomplete.
        </div>
      ) : null}
    </>
  );
}
