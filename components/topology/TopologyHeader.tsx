'use client';

import type { ReactNode } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import type { Snapshot } from '@/lib/domain/snapshot';
import { Button } from '../ui/Button';
import { ago } from './nodes/format';
import styles from './topology.module.css';

interface Props {
  snapshot: Snapshot | undefined;
  now: number;
  refreshing: boolean;
  onRefresh(): void;
  refreshError: ErrorInfo | undefined;
  /** Controls shown before the data age (the traffic overlay's). */
  children?: ReactNode;
}

/** Title, the age of the data (the oldest account read), and the manual refresh. */
export function TopologyHeader({ snapshot, now, refreshing, onRefresh, refreshError, children }: Props) {
  const read = snapshot?.accounts.filter((a) => a.reachable).map((a) => a.fetchedAt) ?? [];
  const oldest = read.length ? Math.min(...read) : undefined;
  return (
    <div className={styles.headerRow}>
      <h1 className={styles.title}>Topology</h1>
      <div className={styles.headerEnd}>
        {children}
        {refreshError ? (
          <span role="alert" className={styles.problem}>
            Refresh failed: {refreshError.message}
          </span>
        ) : null}
        <span data-testid="data-age" aria-live="polite" suppressHydrationWarning>
          {refreshing ? 'Reading the accounts…' : oldest !== undefined ? `Data from ${ago(oldest, now)}` : ''}
        </span>
        <Button variant="secondary" onClick={onRefresh} disabled={refreshing} data-testid="refresh">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </Button>
      </div>
    </div>
  );
}
