'use client';
/**
 * One finding: what (title and figures), where (account → rule, as links), since when, as of when, the
 * recent trend, the change it started after, and the way to the evidence and the fix.
 */
import Link from 'next/link';
import { useId } from 'react';
import type { Finding } from '@/lib/triage/types';
import { FindingActions } from './FindingActions';
import { absoluteTime, auditHref, changeLine, KIND_LABEL, relativeTime, SEVERITY_LABEL, whereParts } from './nowView';
import { Sparkline } from './Sparkline';
import styles from './now.module.css';

interface Props {
  finding: Finding;
  now: number;
  accountName?: string;
  blockedReason?: string;
  announce: (text: string) => void;
}

/** The card (`data-testid="finding"`); its text names the resource and the problem. */
export function FindingCard({ finding: f, now, accountName, blockedReason, announce }: Props) {
  const titleId = useId();
  const where = whereParts(f.where);
  const extra = [
    f.principal ? `principal ${f.principal}` : undefined,
    f.reason ? `reason ${f.reason}` : undefined,
    f.responseCode ? `code ${f.responseCode}` : undefined,
    f.targetIds?.length ? `targets ${f.targetIds.join(', ')}` : undefined,
  ].filter(Boolean);
  return (
    <article
      className={`${styles.card} ${styles[f.severity]}`}
      data-testid="finding"
      data-kind={f.kind}
      data-severity={f.severity}
      data-finding={f.id}
      aria-labelledby={titleId}
    >
      <div className={styles.cardHead}>
        <span className={styles.severity} data-severity={f.severity}>
          {SEVERITY_LABEL[f.severity]}
        </span>
        <span className={styles.kind}>{KIND_LABEL[f.kind]}</span>
        {f.canary ? <span className={styles.tag}>canary</span> : null}
        <Sparkline kind={f.kind} points={f.spark} />
      </div>
      <h3 className={styles.title} id={titleId}>
        {f.title}
      </h3>
      {f.detail ? <p className={styles.detail}>{f.detail}</p> : null}
      {extra.length > 0 ? (
        <p className={styles.detail} data-testid="finding-subject">
          {extra.join(' · ')}
        </p>
      ) : null}
      <ul className={styles.where} aria-label="Where">
        {where.map((p) => (
          <li key={p.label}>
            <span className={styles.whereLabel}>{p.label}</span>{' '}
            {p.href ? <Link href={p.href}>{p.text}</Link> : <span>{p.text}</span>}
            {p.label === 'account' && accountName ? <span className={styles.muted}> ({accountName})</span> : null}
          </li>
        ))}
      </ul>
      <p className={styles.times}>
        <span>
          Since <time dateTime={f.onset}>{relativeTime(f.onset, now)}</time>{' '}
          <span className={styles.muted}>({absoluteTime(f.onset, now)})</span>
        </span>
        <span className={styles.muted}>
          as of <time dateTime={f.asOf}>{absoluteTime(f.asOf, now)}</time>
        </span>
      </p>
      {f.change ? (
        <p className={styles.change} data-testid="finding-change">
          {changeLine(f.change)} ·{' '}
          <Link href={auditHref(f.change)} data-testid="change-link">
            audit entry
          </Link>
        </p>
      ) : null}
      <div className={styles.actions}>
        {f.logsHref ? (
          <Link className={styles.linkButton} href={f.logsHref} data-testid="show-requests">
            Show requests
          </Link>
        ) : null}
        {f.graphHref ? (
          <Link className={styles.linkButton} href={f.graphHref} data-testid="show-on-graph">
            Show on graph
          </Link>
        ) : null}
        <FindingActions finding={f} announce={announce} {...(blockedReason ? { blockedReason } : {})} />
      </div>
    </article>
  );
}
