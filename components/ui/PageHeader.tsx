import type { ReactNode } from 'react';
import styles from './ui.module.css';

/** Title row of a page: an h1 and an optional one-line description. */
export function PageHeader({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children?: ReactNode;
}) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1 className={styles.pageTitle}>{title}</h1>
        {description ? <p className={styles.pageDescription}>{description}</p> : null}
      </div>
      {children ? <div className={styles.pageActions}>{children}</div> : null}
    </div>
  );
}
