import Link from 'next/link';
import type { NodeFinding } from '@/lib/graph/types';
import styles from '../topology.module.css';

const SEVERITY = { critical: 'Critical', high: 'High', info: 'Info' } as const;

/** The node's active triage findings, most urgent first, with the way to their requests and to "Now". */
export function FindingsSection({ findings }: { findings: NodeFinding[] }) {
  return (
    <section className={styles.section} aria-label="Findings" data-testid="panel-findings">
      <h3>Findings now</h3>
      {findings.map((f) => (
        <div key={f.id} className={styles.finding} data-severity={f.severity} data-testid="panel-finding">
          <p>
            <strong>{SEVERITY[f.severity]}</strong> · {f.title}
          </p>
          {f.detail ? <p className={styles.small}>{f.detail}</p> : null}
          <p className={styles.small}>
            since <time dateTime={f.onset}>{new Date(f.onset).toLocaleTimeString()}</time>
            {f.logsHref ? (
              <>
                {' · '}
                <Link href={f.logsHref}>Show requests</Link>
              </>
            ) : null}
            {' · '}
            <Link href="/">All findings</Link>
          </p>
        </div>
      ))}
    </section>
  );
}
