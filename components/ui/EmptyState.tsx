import type { ReactNode } from 'react';
import styles from './ui.module.css';

/** A calm placeholder for a region with nothing to show yet. */
export function EmptyState({ title, children, testId }: { title: string; children?: ReactNode; testId?: string }) {
  return (
    <section className={styles.empty} data-testid={testId}>
      <h2 className={styles.emptyTitle}>{title}</h2>
      {children ? <div className={styles.emptyBody}>{children}</div> : null}
    </section>
  );
}
