'use client';

import { noteClass } from '@/components/ui/Note';
import styles from '../topology.module.css';
import { useHealthCheck } from '../useTopologyData';

/** A target group's health-check settings and the lint's notes (each a note with its reason, not an error). */
export function HealthCheckSection({ arn }: { arn: string }) {
  const q = useHealthCheck(arn);
  if (q.isPending)
    return (
      <p className={styles.small} role="status">
        Reading the health check…
      </p>
    );
  const r = q.data;
  if (q.isError || !r?.ok)
    return (
      <p className={styles.problem} role="alert">
        Could not read the health check: {q.error?.message ?? (r && !r.ok ? r.error.message : '')}
      </p>
    );
  const { settings, notes } = r.value;
  const hc = settings.healthCheck;
  return (
    <>
      <p className={styles.small} data-testid="health-check-settings">
        {!hc
          ? 'No health check settings.'
          : hc.enabled === false
            ? 'Health checks are off.'
            : `${hc.protocol ?? settings.protocol ?? ''} ${hc.path ?? '/'}` +
              `${hc.port !== undefined ? ` on port ${hc.port}` : ''}` +
              `${hc.intervalSeconds !== undefined ? ` every ${hc.intervalSeconds} s` : ''}` +
              `${hc.matcher ? `, healthy on ${hc.matcher}` : ''}`}
      </p>
      {notes.map((n) => (
        <div key={n.id} className={noteClass('info')} data-testid="health-check-note" data-note={n.id}>
          <strong>{n.title}.</strong> {n.reason}
        </div>
      ))}
    </>
  );
}
