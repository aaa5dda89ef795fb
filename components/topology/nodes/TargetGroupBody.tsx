'use client';

import { TARGET_STATUSES, type TargetStatus } from '@/lib/domain/snapshot';
import type { TargetGroupNode } from '@/lib/graph/types';
import { useTopologyActions } from '../actions';
import styles from './nodes.module.css';

/** Colours of the health bar, one per target status. */
export const STATUS_COLOR: Record<TargetStatus, string> = {
  HEALTHY: '#1d7a46',
  UNHEALTHY: '#c62828',
  INITIAL: '#5b8def',
  DRAINING: '#c77c02',
  UNAVAILABLE: '#a0aab4',
  UNUSED: '#d5dbe1',
};

/** Words of the collapsed summary, e.g. `3 healthy · 1 unhealthy`. */
export function summaryText(node: TargetGroupNode): string {
  if (node.targetCount === 0) return 'no targets';
  return TARGET_STATUSES.filter((s) => node.summary[s] > 0)
    .map((s) => `${node.summary[s]} ${s.toLowerCase()}`)
    .join(' · ');
}

/** The collapsed targets: a bar of counts by status and the button that shows them one by one. */
export function TargetGroupBody({
  node,
  expanded,
  truncated,
}: {
  node: TargetGroupNode;
  expanded: boolean;
  truncated: number | undefined;
}) {
  const { toggleExpanded } = useTopologyActions();
  const text = summaryText(node);
  return (
    <>
      <div className={styles.bar} role="img" aria-label={`Targets: ${text}`}>
        {TARGET_STATUSES.filter((s) => node.summary[s] > 0).map((s) => (
          <span key={s} style={{ flex: node.summary[s], background: STATUS_COLOR[s] }} />
        ))}
      </div>
      <div className={styles.summary}>
        <span data-testid="tg-summary">{text}</span>
        {node.targetCount > 0 ? (
          <button
            type="button"
            className={`${styles.expand} nodrag nopan`}
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Hide' : 'Show'} the ${node.targetCount} targets of ${node.label}`}
            onClick={(e) => {
              e.stopPropagation();
              toggleExpanded(node.id);
            }}
            onKeyDown={(e) => e.stopPropagation()}
          >
            {expanded ? (truncated ? `hide (+${truncated})` : 'hide') : `targets ${node.targetCount}`}
          </button>
        ) : null}
      </div>
    </>
  );
}
