'use client';

import { useEffect } from 'react';
import { Button } from './Button';
import styles from './ui.module.css';

/**
 * Describes an error caught by a route's error boundary. Production hides server messages; the digest finds
 * them in the logs.
 */
export function ErrorPanel({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest =
    error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest ?? '') : '';
  const message = error instanceof Error ? error.message : 'Unexpected error';
  return (
    <section className={styles.panel} role="alert" data-testid="error-panel">
      <h1 className={styles.pageTitle}>This page failed to load</h1>
      <p className={styles.pageDescription}>{message}</p>
      {digest ? (
        <p className={styles.pageDescription}>
          Reference <code>{digest}</code> (search the console&apos;s server log for it).
        </p>
      ) : null}
      <p style={{ marginTop: 16 }}>
        <Button onClick={() => retry()}>Try again</Button>
      </p>
    </section>
  );
}
