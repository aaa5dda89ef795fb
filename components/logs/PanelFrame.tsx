'use client';
/**
 * The frame of every panel: title, query status with records and bytes scanned (GetQueryResults
 * statistics), copy-query, cancel / run again, the accounts that failed (with the AWS error's words),
 * and a body of fixed height, so loading, empty and loaded states take the same space.
 */
import { useState, type ReactNode } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import { formatBytes, type PanelState } from '@/lib/logs/panelTypes';
import { copyText } from './clipboard';
import { count } from './format';
import { Icon } from './Icon';
import type { PanelHandle } from './usePanel';
import styles from './logs.module.css';
import { buttonClass } from '../ui/Button';
import { SkeletonLine } from '../ui/Skeleton';

/** Props of a panel frame. */
export interface PanelFrameProps {
  title: string;
  testId: string;
  handle: PanelHandle;
  /** The previous period's panel, when comparing (its status is summarised too). */
  previous?: PanelHandle | undefined;
  /** Body height in px (fixed: no layout shift). */
  height: number;
  className?: string;
  actions?: ReactNode;
  accountNames: Readonly<Record<string, string>>;
  /** A panel that runs on demand and was not asked for yet: why, and how to run it. */
  onDemand?: { why: string; open: () => void } | undefined;
  children: ReactNode;
}

const PHASE: Record<PanelState['phase'], string> = {
  starting: 'Starting',
  running: 'Running',
  done: 'Complete',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

function describeError(e: ErrorInfo): string {
  return [
    e.awsCode && !e.message.includes(e.awsCode) ? `${e.awsCode}: ` : '',
    e.message,
    e.requestId && !e.message.includes(e.requestId) ? ` (request ${e.requestId})` : '',
  ].join('');
}

/** A panel with its status line and failures. */
export function PanelFrame(p: PanelFrameProps) {
  const s = p.handle.state;
  const [copied, setCopied] = useState(false);
  const idle = p.onDemand !== undefined && !s;
  const phase = s?.phase ?? 'starting';
  const running = phase === 'starting' || phase === 'running' || (p.previous?.busy ?? false);
  const dot =
    phase === 'done' ? styles.dotDone : phase === 'failed' ? styles.dotFailed : running ? styles.dotRunning : '';
  const accounts = s ? new Set(s.runs.map((r) => r.accountId)).size : 0;
  const prevStats = p.previous?.state?.stats;
  return (
    <section
      className={`${styles.panel} ${p.className ?? ''}`}
      data-testid={p.testId}
      data-phase={idle ? 'idle' : phase}
      aria-busy={running && !idle}
    >
      <header className={styles.panelHead}>
        <h2 className={styles.panelTitle}>{p.title}</h2>
        <div className={styles.panelActions}>
          {p.actions}
          <button
            type="button"
            className={buttonClass('quiet', 'xs')}
            disabled={!s?.queryText}
            aria-label={`Copy the Logs Insights query of ${p.title}`}
            title="Copy the Logs Insights query of this panel"
            onClick={() => {
              if (s?.queryText) void copyText(s.queryText).then(setCopied);
              setTimeout(() => setCopied(false), 1500);
            }}
          >
            <Icon name={copied ? 'check' : 'copy'} /> Query
          </button>
          {running && !idle ? (
            <button
              type="button"
              className={buttonClass('quiet', 'xs')}
              aria-label={`Cancel ${p.title}`}
              title="Cancel: stops the running queries"
              onClick={() => {
                p.handle.cancel();
                p.previous?.cancel();
              }}
            >
              <Icon name="stop" />
            </button>
          ) : (
            <button
              type="button"
              className={buttonClass('quiet', 'xs')}
              aria-label={`Run ${p.title} again`}
              title="Run again"
              onClick={() => {
                p.handle.rerun();
                p.previous?.rerun();
              }}
              disabled={!s}
            >
              <Icon name="rerun" />
            </button>
          )}
        </div>
      </header>
      <div className={styles.status} role="status" data-testid={`${p.testId}-status`}>
        <span className={`${styles.dot} ${dot}`} aria-hidden="true" />
        <span>{idle ? 'Not run' : PHASE[phase]}</span>
        {s && s.runs.length > 0 ? (
          <span>
            · {count(s.stats.recordsScanned)} records · {formatBytes(s.stats.bytesScanned)} scanned
            {accounts > 1 ? ` · ${accounts} accounts` : ''}
          </span>
        ) : null}
        {s?.truncated ? (
          <span data-testid={`${p.testId}-truncated`}>
            · a single bin held over 10,000 combinations of values: some are left out
          </span>
        ) : null}
        {prevStats && prevStats.recordsScanned > 0 ? (
          <span>· previous period {count(prevStats.recordsScanned)} records</span>
        ) : null}
      </div>
      <div className={styles.panelBody} style={{ height: p.height }}>
        {s?.error || (s?.failures.length ?? 0) > 0 ? (
          <ul className={styles.failures} role="alert" data-testid={`${p.testId}-errors`}>
            {s?.error ? <li>{describeError(s.error)}</li> : null}
            {s?.failures.map((f) => (
              <li key={`${f.accountId}|${f.region}|${f.logGroupNames.join(',')}`}>
                <strong>
                  {p.accountNames[f.accountId] ?? f.accountId} ({f.accountId}) · {f.logGroupNames.join(', ')}:
                </strong>{' '}
                {describeError(f.error)}
              </li>
            ))}
          </ul>
        ) : null}
        {p.onDemand && idle ? (
          <div className={`${styles.empty} ${styles.onDemand}`}>
            <p>{p.onDemand.why}</p>
            <button type="button" className={buttonClass('secondary', 'sm')} onClick={p.onDemand.open}>
              Show {p.title.toLowerCase()}
            </button>
          </div>
        ) : (
          <div className={styles.panelContent}>{p.children}</div>
        )}
      </div>
    </section>
  );
}

/** Placeholder lines while a panel has nothing to draw yet. */
export function PanelSkeleton({ lines = 4 }: { lines?: number }) {
  return (
    <div aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder lines, never reordered.
        <SkeletonLine key={i} className={styles.skeletonGap} width={`${92 - ((i * 23) % 50)}%`} />
      ))}
    </div>
  );
}
