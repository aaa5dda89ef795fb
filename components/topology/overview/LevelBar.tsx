'use client';

/** Where the user is in the semantic zoom of a big estate: the overview, or a part of it drawn in detail. */
import { buttonClass } from '../../ui/Button';
import styles from './overview.module.css';

interface Props {
  level: 'overview' | 'detail';
  /** Nodes in the whole graph. */
  total: number;
  /** Nodes drawn in detail. */
  drawn: number;
  onBack(): void;
}

export function LevelBar({ level, total, drawn, onBack }: Props) {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    <div className={styles.levelBar} data-testid="level-bar" data-level={level}>
      {level === 'detail' ? (
        <button type="button" className={buttonClass('secondary', 'sm')} onClick={onBack}>
          ← Estate overview
        </button>
      ) : null}
      <p className={styles.hint}>
        {level === 'overview'
          ? `The estate at a glance (${n(total)} resources): expand a network, zoom in, or search to see detail.`
          : `Showing ${n(drawn)} of ${n(total)} resources: what was expanded, followed or searched.`}
      </p>
    </div>
  );
}
