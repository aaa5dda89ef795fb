'use client';

import type { Target } from '@/lib/domain/snapshot';
import styles from '../topology.module.css';

const ORDER = ['UNHEALTHY', 'DRAINING', 'INITIAL', 'UNAVAILABLE', 'UNUSED', 'HEALTHY'];

/** A target group's targets, worst first, with status and reason code. */
export function TargetsTable({ targets }: { targets: Target[] }) {
  if (targets.length === 0) return <p className={styles.small}>No targets registered.</p>;
  const sorted = [...targets].sort(
    (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || a.id.localeCompare(b.id),
  );
  const shown = sorted.slice(0, 200);
  return (
    <>
      <table className={styles.table} data-testid="targets-table">
        <thead>
          <tr>
            <th scope="col">Target</th>
            <th scope="col">Status</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((t) => (
            <tr key={`${t.id}:${t.port ?? ''}`}>
              <td className={styles.mono}>
                {t.id}
                {t.port !== undefined ? `:${t.port}` : ''}
              </td>
              <td>
                <span
                  className={styles.dot}
                  style={{ display: 'inline-block', marginRight: 4 }}
                  data-health={
                    t.status === 'HEALTHY'
                      ? 'ok'
                      : t.status === 'UNHEALTHY'
                        ? 'error'
                        : t.status === 'DRAINING' || t.status === 'INITIAL'
                          ? 'warn'
                          : 'unknown'
                  }
                  aria-hidden="true"
                />
                {t.status}
              </td>
              <td className={styles.mono}>{t.reasonCode ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown.length ? (
        <p className={styles.small}>and {sorted.length - shown.length} more healthy or idle targets</p>
      ) : null}
    </>
  );
}
