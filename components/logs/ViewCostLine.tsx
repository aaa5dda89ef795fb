'use client';
/**
 * The view's status line: Insights queries it ran and the bytes they scanned (what Logs Insights bills),
 * with what a field index let them skip.
 */
import { INDEX_POLICY_DOCUMENT } from '@/lib/logs/fieldIndex';
import { formatBytes } from '@/lib/logs/panelTypes';
import type { ViewCost } from '@/lib/logs/viewCost';
import styles from './logs.module.css';

/** The line (always there, so that the panels below do not move when the first query starts). */
export function ViewCostLine({ cost }: { cost: ViewCost }) {
  if (cost.queries === 0)
    return (
      <div className={styles.viewCost} data-testid="view-cost" data-queries={0}>
        <span>
          <strong>This view:</strong> starting its Insights queries…
        </span>
      </div>
    );
  return (
    <div
      className={styles.viewCost}
      data-testid="view-cost"
      data-queries={cost.queries}
      data-accounts={cost.accounts}
      data-bytes-scanned={cost.bytesScanned}
      data-bytes-skipped={cost.bytesSkipped}
      role="status"
      aria-live="polite"
    >
      <span>
        <strong>This view:</strong> {cost.queries} Insights quer{cost.queries === 1 ? 'y' : 'ies'}
        {cost.accounts > 1 ? ` in ${cost.accounts} accounts (one per account and panel pass or slice)` : ''}
        {cost.running > 0 ? ` (${cost.running} running)` : ''}
      </span>
      <span>
        <strong>{formatBytes(cost.bytesScanned)}</strong> scanned ({cost.recordsScanned.toLocaleString('en-US')}{' '}
        records)
      </span>
      {cost.bytesSkipped > 0 || cost.indexedBy.length > 0 ? (
        <span>
          {formatBytes(cost.bytesSkipped)} skipped by the field index on {cost.indexedBy.join(', ') || 'a field'}
        </span>
      ) : (
        <span
          title={
            'A service or target-group view scans only its records when every queried log group has a field ' +
            `index policy on these fields: ${INDEX_POLICY_DOCUMENT} (aws logs put-index-policy).`
          }
        >
          no field index used
        </span>
      )}
    </div>
  );
}
