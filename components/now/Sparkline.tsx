import type { FindingKind, SparkPoint } from '@/lib/triage/types';
import { sparkShape, sparkValue } from './nowView';
import styles from './now.module.css';

const W = 120;
const H = 28;

/** The recent window of a finding as a small line; its peak and last value in words for screen readers. */
export function Sparkline({ kind, points }: { kind: FindingKind; points: SparkPoint[] | undefined }) {
  const s = sparkShape(points, W, H);
  if (!s) return null;
  const label = `Recent trend: last ${sparkValue(kind, s.last)}, peak ${sparkValue(kind, s.peak)}`;
  return (
    <span className={styles.spark} data-testid="sparkline">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <title>{label}</title>
        <polyline points={s.points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className={styles.sparkValue} aria-hidden="true">
        {sparkValue(kind, s.last)}
      </span>
    </span>
  );
}
