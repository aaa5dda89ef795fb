'use client';

import type { AccountStatus, Problem } from '@/lib/domain/snapshot';
import { ago } from './nodes/format';
import styles from './topology.module.css';

/** Each account: data age, or why it could not be read (the AWS error's words); counts of other problems. */
export function AccountStrip({
  accounts,
  problems,
  now,
}: {
  accounts: AccountStatus[];
  problems: Problem[];
  now: number;
}) {
  const down = accounts.filter((a) => !a.reachable);
  // Many accounts: name only the unreachable ones, summarise the rest.
  if (accounts.length > MAX_LISTED) {
    const up = accounts.filter((a) => a.reachable);
    const oldest = up.length ? Math.min(...up.map((a) => a.fetchedAt)) : undefined;
    accounts = down;
    const summary = (
      <span className={styles.acct} data-testid="account-summary">
        <strong>{up.length} accounts read</strong>
        {oldest !== undefined ? (
          <>
            {' '}
            · oldest <span suppressHydrationWarning>{ago(oldest, now)}</span>
          </>
        ) : null}
      </span>
    );
    return (
      <div className={styles.strip} data-testid="account-strip" role={down.length ? 'alert' : undefined}>
        {summary}
        {down.map((a) => (
          <Down key={a.accountId} a={a} />
        ))}
      </div>
    );
  }
  return (
    <div className={styles.strip} data-testid="account-strip" role={down.length ? 'alert' : undefined}>
      {accounts.map((a) => {
        const other = problems.filter((p) => p.accountId === a.accountId && p.resourceArn !== undefined).length;
        return a.reachable ? (
          <span
            key={a.accountId}
            className={styles.acct}
            data-testid="account-status"
            data-account={a.accountId}
            data-reachable="true"
          >
            <strong>{a.name}</strong> {a.accountId} · read <span suppressHydrationWarning>{ago(a.fetchedAt, now)}</span>
            {other ? ` · ${other} problem${other === 1 ? '' : 's'}` : ''}
          </span>
        ) : (
          <Down key={a.accountId} a={a} />
        );
      })}
    </div>
  );
}

/** Past this many accounts the strip lists only the unreachable ones. */
const MAX_LISTED = 6;

/** An unreachable account, with the AWS error's words. */
function Down({ a }: { a: AccountStatus }) {
  return (
    <span
      className={`${styles.acct} ${styles.acctDown}`}
      data-testid="account-status"
      data-account={a.accountId}
      data-reachable="false"
      title={a.error?.message}
    >
      <strong>{a.name}</strong> {a.accountId} unreachable:{' '}
      <span className={styles.acctError}>
        {a.error?.awsCode ? `${a.error.awsCode}: ` : ''}
        {a.error?.message ?? 'no answer'}
      </span>
    </span>
  );
}
