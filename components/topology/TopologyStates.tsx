'use client';

import type { ErrorInfo } from '@/lib/domain/errors';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import styles from './topology.module.css';

/** Nothing to draw: no accounts configured, or no networks or services in them. */
export function TopologyEmpty({ what }: { what: 'accounts' | 'networks' }) {
  return what === 'accounts' ? (
    <EmptyState title="No accounts to read" testId="topology-empty">
      <p>
        The console has no AWS account to read. Set TRELLIS_ACCOUNTS (or give the console credentials of an account) and
        refresh.
      </p>
    </EmptyState>
  ) : (
    <EmptyState title="No service networks or services yet" testId="topology-empty">
      <p>The accounts were read, but they hold no VPC Lattice service network or service in the configured regions.</p>
    </EmptyState>
  );
}

/** The snapshot could not be read at all: the AWS error's words, and a retry. */
export function TopologyError({ error, onRetry }: { error: ErrorInfo; onRetry(): void }) {
  return (
    <section className={styles.errorBox} role="alert" data-testid="topology-error">
      <h2>The topology could not be read</h2>
      <p>
        {error.awsCode ? <strong>{error.awsCode}: </strong> : null}
        {error.message}
      </p>
      {error.account || error.requestId ? (
        <p className={styles.small}>
          {error.account ? `Account ${error.account}. ` : ''}
          {error.requestId ? `Request id ${error.requestId}.` : ''}
        </p>
      ) : null}
      <p>
        <Button onClick={onRetry}>Try again</Button>
      </p>
    </section>
  );
}
