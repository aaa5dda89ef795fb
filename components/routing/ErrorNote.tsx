import type { ErrorInfo } from '@/lib/domain/errors';
import styles from './routing.module.css';
import { noteClass } from '../ui/Note';

/** An error where it happened, in AWS's words, with what identifies it (account, request id). */
export function ErrorNote({ error, title, testId }: { error: ErrorInfo; title?: string; testId?: string }) {
  return (
    <div className={noteClass('error')} role="alert" data-testid={testId ?? 'error-note'} data-code={error.code}>
      {title ? <strong>{title}</strong> : null}
      <p>{error.message}</p>
      <p className={styles.muted}>
        {error.code}
        {error.awsCode ? ` · ${error.awsCode}` : ''}
        {error.account ? ` · account ${error.account}` : ''}
        {error.requestId ? ` · request ${error.requestId}` : ''}
      </p>
    </div>
  );
}
