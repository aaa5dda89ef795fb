import { trafficShares, type RuleAction } from '@/lib/domain/routing';
import styles from './routing.module.css';

/** Colours of target groups by position in an action (also used by the weight editor). */
export const TG_COLORS = [
  '#0a66c2',
  '#e07b00',
  '#1d7a46',
  '#8e44ad',
  '#c0392b',
  '#16a085',
  '#7f8c8d',
  '#d35400',
  '#2c3e50',
  '#b7950b',
];

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** A rule's action as a stacked bar with the shares written out (the text is what screen readers get). */
export function TrafficBar({ action, nameOf }: { action: RuleAction | undefined; nameOf: (arn: string) => string }) {
  if (!action) return <span className={styles.muted}>unknown action</span>;
  if (action.type === 'fixedResponse') return <span className={styles.fixed}>fixed response {action.statusCode}</span>;
  const shares = trafficShares(action.targetGroups);
  return (
    <div className={styles.traffic}>
      <div className={styles.bar} aria-hidden="true">
        {shares.map((s, i) =>
          s.share > 0 ? (
            <span key={s.targetGroupArn} style={{ width: pct(s.share), background: TG_COLORS[i % TG_COLORS.length] }} />
          ) : null,
        )}
      </div>
      <span className={styles.shareText}>
        {shares.map((s, i) => (
          <span key={s.targetGroupArn} className={styles.shareItem}>
            <span
              className={styles.swatch}
              style={{ background: TG_COLORS[i % TG_COLORS.length] }}
              aria-hidden="true"
            />
            {nameOf(s.targetGroupArn)} {pct(s.share)}
          </span>
        ))}
      </span>
    </div>
  );
}
