import type { ErrorInfo } from '@/lib/domain/errors';
import type { HealthSummary } from '@/lib/domain/snapshot';
import styles from './routing.module.css';

/** `2/3 healthy` with a coloured dot; unknown when health was not read. */
export function HealthBadge({ health, error }: { health?: HealthSummary; error?: ErrorInfo }) {
  if (error)
    return (
      <span className={`${styles.health} ${styles.healthUnknown}`} title={error.message}>
        health unreadable
      </span>
    );
  if (!health) return <span className={`${styles.health} ${styles.healthUnknown}`}>health not read</span>;
  const total = Object.values(health).reduce((s, n) => s + n, 0);
  const cls =
    total === 0
      ? styles.healthUnknown
      : health.HEALTHY === total
        ? styles.healthOk
        : health.HEALTHY === 0
          ? styles.healthBad
          : styles.healthPartial;
  const other = Object.entries(health)
    .filter(([k, n]) => k !== 'HEALTHY' && n > 0)
    .map(([k, n]) => `${n} ${k.toLowerCase()}`);
  return (
    <span className={`${styles.health} ${cls}`} title={other.join(', ')}>
      {total === 0 ? 'no targets' : `${health.HEALTHY}/${total} healthy`}
    </span>
  );
}
