'use client';
/**
 * The "Now" page: what is wrong right now, ranked as the triage report ranks it (severity, then
 * recency), each finding one card; "All quiet" when nothing is, with what was checked and as of when;
 * accounts that could not be read are named where the page would otherwise be silent about them. The
 * data's age is always visible; refresh is automatic and can be paused.
 */
import { useState } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import type { TriageReport } from '@/lib/triage/types';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../routing/ErrorNote';
import { FindingList } from './FindingList';
import { absoluteTime, bytesWords, durationWords, errorsByAccount, QUIET_TEXT, summaryLine } from './nowView';
import styles from './now.module.css';

/** The report query as the view needs it. */
export interface NowState {
  report: TriageReport | undefined;
  /** The last refresh failed as a whole (the previous report, if any, stays on screen). */
  error: ErrorInfo | undefined;
  fetching: boolean;
  /** When the report on screen arrived (client clock, ms); 0 before the first. */
  updatedAt: number;
}

interface Props {
  state: NowState;
  now: number;
  paused: boolean;
  refreshSeconds: number;
  onPausedChange: (paused: boolean) => void;
  onRefresh: () => void;
  accountNames: Record<string, string>;
  blockedReason?: string;
}

function Skeleton() {
  return (
    <div role="status" aria-busy="true" aria-live="polite" className={styles.list} data-testid="now-loading">
      <span className="visually-hidden">Reading access logs, target health and the audit log…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className={`${styles.card} ${styles.skeletonCard}`} aria-hidden="true">
          <div className={styles.skeletonLine} style={{ width: '30%' }} />
          <div className={styles.skeletonLine} style={{ width: '70%' }} />
          <div className={styles.skeletonLine} style={{ width: '55%' }} />
        </div>
      ))}
    </div>
  );
}

/** The whole view. */
export function NowView({
  state,
  now,
  paused,
  refreshSeconds,
  onPausedChange,
  onRefresh,
  accountNames,
  blockedReason,
}: Props) {
  const [announcement, setAnnouncement] = useState('');
  const r = state.report;
  const name = (id: string) => (accountNames[id] ? `${accountNames[id]} (${id})` : id);
  const groups = r ? errorsByAccount(r.errors) : [];
  return (
    <div className={styles.view}>
      {/* Every line of the bar is there from the first paint, variable text last: nothing shifts on arrival. */}
      <div className={styles.statusBar} data-testid="now-status">
        <h2 className={styles.summary} data-testid="now-summary">
          {r ? summaryLine(r.findings) : 'Reading…'}
        </h2>
        <div className={styles.controls}>
          <button
            type="button"
            className={`${styles.button} ${styles.fixedButton}`}
            aria-pressed={paused}
            onClick={() => onPausedChange(!paused)}
            data-testid="pause-refresh"
          >
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button
            type="button"
            className={styles.button}
            onClick={onRefresh}
            disabled={state.fetching}
            data-testid="refresh-now"
          >
            Refresh now
          </button>
          <span className={styles.muted} aria-live="polite">
            {paused ? 'Auto-refresh paused' : state.fetching ? 'Refreshing…' : `Refreshes every ${refreshSeconds} s`}
          </span>
        </div>
        <p className={styles.age} data-testid="data-age">
          {r ? (
            <>
              Updated {durationWords(now - state.updatedAt)} ago
              <span className={styles.muted}>
                {' '}
                · logs complete to {absoluteTime(r.asOf, now)} · {r.queries} quer{r.queries === 1 ? 'y' : 'ies'},{' '}
                {bytesWords(r.bytesScanned)} scanned
              </span>
            </>
          ) : (
            <span className={styles.muted}>Reading access logs, target health and the audit log…</span>
          )}
        </p>
      </div>
      <div aria-live="polite" role="status" className={styles.announce} data-testid="announcement">
        {announcement}
      </div>
      {state.error ? (
        <ErrorNote
          error={state.error}
          title={r ? 'The last refresh failed; the findings below are from the refresh before' : 'Triage failed'}
          testId="now-error"
        />
      ) : null}
      {groups.length > 0 ? (
        <section className={styles.errors} aria-label="Accounts not fully read" data-testid="triage-errors">
          <h3>Not everything could be read: these accounts may have problems this page cannot see</h3>
          <ul>
            {groups.map((g) => (
              <li key={g.accountId} data-testid="triage-error" data-account={g.accountId}>
                <strong>{name(g.accountId)}</strong>
                <ul>
                  {g.errors.map((e) => (
                    <li key={`${e.source} ${e.region ?? ''} ${e.code}`}>
                      {e.source}
                      {e.region ? ` (${e.region})` : ''}: {e.code} — {e.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!r ? (
        state.error ? null : (
          <Skeleton />
        )
      ) : r.findings.length === 0 ? (
        <EmptyState title="All quiet" testId="all-quiet">
          <p>
            {QUIET_TEXT}, each against its own baseline, as of {absoluteTime(r.asOf, now)}
            {r.errors.length > 0 ? ', in the accounts that could be read' : ''}.
          </p>
          <p>No running canary or recent routing change needs attention.</p>
        </EmptyState>
      ) : (
        <FindingList
          findings={r.findings}
          now={now}
          accountNames={accountNames}
          announce={setAnnouncement}
          {...(blockedReason ? { blockedReason } : {})}
        />
      )}
    </div>
  );
}
