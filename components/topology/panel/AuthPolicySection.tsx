'use client';

import styles from '../topology.module.css';
import { useAuthPolicy } from '../useTopologyData';

/** The auth policy of a service or network, read when the panel opens. */
export function AuthPolicySection({ arn }: { arn: string }) {
  const q = useAuthPolicy(arn);
  if (q.isPending)
    return (
      <p className={styles.small} role="status">
        Reading the auth policy…
      </p>
    );
  if (q.isError)
    return (
      <p className={styles.problem} role="alert">
        Could not read the auth policy: {q.error.message}
      </p>
    );
  const r = q.data;
  if (!r.ok)
    return (
      <p className={styles.problem} role="alert">
        {r.error.awsCode ? `${r.error.awsCode}: ` : ''}
        {r.error.message}
      </p>
    );
  if (!r.value.policy)
    return <p className={styles.small}>No auth policy{r.value.state ? ` (${r.value.state})` : ''}.</p>;
  return (
    <>
      <p className={styles.small}>
        State {r.value.state ?? 'unknown'}
        {r.value.lastUpdatedAt ? ` · updated ${new Date(r.value.lastUpdatedAt).toLocaleString()}` : ''}
      </p>
      <pre className={styles.policy} data-testid="auth-policy">
        {r.value.policy}
      </pre>
    </>
  );
}
