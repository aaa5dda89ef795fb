/**
 * What /logs shows while the explorer streams in: the same title and panel grid, so the page does
 * not jump (and the footer does not flash into view) when the real panels arrive.
 */
import { PageHeader } from '../ui/PageHeader';
import styles from './logs.module.css';
import { SkeletonLine } from '../ui/Skeleton';

const BOXES: Array<{ span?: string; height: number }> = [
  { span: styles.span4, height: 300 },
  ...Array.from({ length: 8 }, () => ({ height: 318 })),
  { span: styles.span4, height: 460 },
];

/** The explorer's loading state. */
export function LogsSkeleton() {
  return (
    <div role="status" aria-busy="true" aria-live="polite" data-testid="logs-loading">
      <span className="visually-hidden">Loading the access-log explorer…</span>
      <PageHeader title="Logs" description="Access logs, run in CloudWatch Logs Insights." />
      <div className={styles.grid} style={{ marginTop: 120 }}>
        {BOXES.map((b, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder boxes, never reordered.
          <div key={i} className={`${styles.panel} ${b.span ?? ''}`} style={{ height: b.height }} aria-hidden="true">
            <div className={styles.panelContent}>
              <SkeletonLine className={styles.skeletonGap} width={'40%'} />
              <SkeletonLine className={styles.skeletonGap} width={'85%'} />
              <SkeletonLine className={styles.skeletonGap} width={'70%'} />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
