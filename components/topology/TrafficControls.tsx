'use client';

import { TRAFFIC_WINDOWS, type TrafficOverlay, type TrafficWindow } from '@/lib/graph/traffic';
import type { ErrorInfo } from '@/lib/domain/errors';
import { ago } from './nodes/format';
import styles from './topology.module.css';

interface Props {
  window: TrafficWindow;
  onWindow(w: TrafficWindow): void;
  paused: boolean;
  onPaused(p: boolean): void;
  overlay: TrafficOverlay | undefined;
  /** The overlay call itself failed (not one log group). */
  error: ErrorInfo | undefined;
  fetching: boolean;
  updatedAt: number;
  now: number;
}

/** Traffic window, pause/resume of the refresh, and how the overlay's queries went. */
export function TrafficControls(p: Props) {
  const sources = p.overlay?.sources ?? [];
  const failed = sources.filter((s) => !s.ok);
  // A log group deleted after its subscription was made is isolated on its own: name it, not the account.
  const missing = failed.filter((f) => f.error?.code === 'NOT_FOUND' && f.logGroupNames.length === 1);
  const broken = failed.filter((f) => !missing.includes(f));
  const groups = (list: typeof sources) => list.reduce((n, x) => n + x.logGroupNames.length, 0);
  return (
    <>
      <label className={styles.small} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        Traffic
        <select
          className={styles.select}
          value={p.window}
          onChange={(e) => p.onWindow(e.target.value as TrafficWindow)}
          aria-label="Traffic window"
        >
          {Object.keys(TRAFFIC_WINDOWS).map((w) => (
            <option key={w} value={w}>
              last {w}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={styles.chip}
        aria-pressed={p.paused}
        onClick={() => p.onPaused(!p.paused)}
        data-testid="traffic-pause"
      >
        {p.paused ? '▶ Resume' : '❚❚ Pause'}
      </button>
      <span className={styles.small} role="status" data-testid="traffic-status" suppressHydrationWarning>
        {p.fetching ? 'updating…' : p.updatedAt ? `updated ${ago(p.updatedAt, p.now)}` : ''}
        {p.overlay && !p.fetching ? ` · ${groups(sources) - groups(failed)} of ${groups(sources)} log groups` : ''}
      </span>
      {p.error ? (
        <span className={`${styles.acct} ${styles.trafficError}`} role="alert">
          Traffic unavailable: {p.error.message}
        </span>
      ) : null}
      {failed.length > 0 ? (
        <details className={styles.menu} data-testid="traffic-source-errors">
          <summary className={`${styles.chip} ${styles.trafficError}`} title={failed[0]!.error?.message}>
            {/* One element inside the summary, so the chip lays out as before; the summary itself stays a control. */}
            <span role="alert">
              {broken.length > 0
                ? `Logs of ${[...new Set(broken.map((f) => f.accountId))].join(', ')} unavailable`
                : ''}
              {broken.length > 0 && missing.length > 0 ? ' · ' : ''}
              {missing.length > 0 ? `${missing.length} log group${missing.length === 1 ? '' : 's'} not found` : ''} ▾
            </span>
          </summary>
          <div className={styles.menuPanel} style={{ left: 'auto', right: 0, width: 420 }}>
            {failed.map((f) => (
              // Scopes split an account's log groups, so the first group names the scope.
              <p
                key={`${f.accountId} ${f.region} ${f.logGroupNames[0]}`}
                className={styles.problem}
                data-testid="traffic-source-error"
              >
                <strong>
                  Account {f.accountId} ({f.region}), {f.logGroupNames.length} log group
                  {f.logGroupNames.length === 1 ? '' : 's'}:
                </strong>{' '}
                {f.error?.awsCode ? `${f.error.awsCode}: ` : ''}
                {f.error?.message}
              </p>
            ))}
          </div>
        </details>
      ) : null}
    </>
  );
}
