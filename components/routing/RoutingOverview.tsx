'use client';
/**
 * The routing page before a service is chosen: every service with its rules' current splits (from the
 * inventory, at most a minute old), its running canary plans and its last changes (from the audit
 * log); each row opens the service. The audit log is optional: without it the splits still show.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useMemo } from 'react';
import { listAuditEvents } from '@/lib/actions/audit';
import { loadSnapshot } from '@/lib/actions/inventory';
import type { AuditFilter } from '@/lib/audit/filter';
import type { RuleRow } from '@/lib/graph/routes';
import { routingOverview } from '@/lib/routing/overview';
import { auditKeys } from '../audit/queryKeys';
import { topologyKeys } from '../topology/queryKeys';
import { Skeleton } from '../ui/Skeleton';
import { ErrorNote } from './ErrorNote';
import { errorInfoOf, unwrap } from './resultError';
import styles from './routing.module.css';

const RECENT: AuditFilter = { range: '24h' };

function serviceHref(arn: string): string {
  return `/routing?${new URLSearchParams({ service: arn }).toString()}`;
}

function Split({ row, nameOf }: { row: RuleRow; nameOf: (arn: string) => string }) {
  if (row.fixedStatus !== undefined) return <span className={styles.muted}>fixed response {row.fixedStatus}</span>;
  if (row.forward.length === 0) return <span className={styles.muted}>no action</span>;
  return (
    <span>
      {row.forward.map((f, i) => (
        <span key={f.targetGroupArn} className={f.weight === 0 ? styles.muted : undefined}>
          {i > 0 ? ' · ' : ''}
          {nameOf(f.targetGroupArn)} <strong>{Math.round(f.share * 1000) / 10} %</strong>
        </span>
      ))}
    </span>
  );
}

/** The overview table. */
export function RoutingOverview() {
  const snap = useQuery({ queryKey: topologyKeys.snapshot(), queryFn: () => loadSnapshot({}) });
  const audit = useQuery({
    queryKey: auditKeys.list(RECENT),
    queryFn: async () => unwrap(await listAuditEvents(RECENT)),
    retry: false,
  });
  const snapshot = snap.data?.ok ? snap.data.value : undefined;
  const rows = useMemo(
    () => (snapshot ? routingOverview(snapshot, audit.data?.events ?? []) : undefined),
    [snapshot, audit.data],
  );
  const tgNames = useMemo(() => new Map(snapshot?.targetGroups.map((g) => [g.arn, g.name])), [snapshot]);
  const nameOf = (arn: string) => tgNames.get(arn) ?? arn.split('/').pop() ?? arn;
  if (snap.data && !snap.data.ok)
    return (
      <ErrorNote error={snap.data.error} title="The services could not be listed" testId="routing-overview-error" />
    );
  if (snap.isError) return <ErrorNote error={errorInfoOf(snap.error)} title="The services could not be listed" />;
  if (!rows) return <Skeleton lines={6} label="Listing services" />;
  return (
    <section className={styles.overview} aria-labelledby="overview-title" data-testid="routing-overview">
      <h2 id="overview-title">Choose a service</h2>
      <p className={styles.muted}>
        Current splits from the inventory (read {new Date(snapshot!.fetchedAt).toLocaleTimeString()}), running canary
        plans and changes of the last 24 h from the audit log. Open a service to change its rules; its listeners and
        rules are then read fresh.
      </p>
      {audit.isError ? (
        <ErrorNote error={errorInfoOf(audit.error)} title="The audit log could not be read: no canaries or changes" />
      ) : null}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Rules and splits</th>
            <th scope="col">Canary</th>
            <th scope="col">Recent changes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.arn} data-testid="overview-service" data-service={s.arn}>
              <th scope="row">
                <Link href={serviceHref(s.arn)}>{s.name}</Link>
                <div className={styles.muted}>
                  {s.accountName} · {s.accountId}
                </div>
              </th>
              <td>
                <ul className={styles.overviewRules}>
                  {s.rules.map((r) => (
                    <li key={`${r.listenerArn} ${r.ruleArn ?? r.ruleName}`} data-testid="overview-rule">
                      <span className={styles.muted}>
                        {r.listenerName} · {r.isDefault ? 'default' : `${r.ruleName} (${r.match})`}:
                      </span>{' '}
                      <Split row={r} nameOf={nameOf} />
                    </li>
                  ))}
                </ul>
              </td>
              <td data-testid="overview-canaries">
                {s.canaries.length === 0 ? (
                  <span className={styles.muted}>—</span>
                ) : (
                  s.canaries.map((c) => (
                    <div key={c.planId}>
                      {c.ruleName}: {c.status}
                      {c.percent !== undefined ? ` at ${c.percent} %` : ''}
                    </div>
                  ))
                )}
              </td>
              <td data-testid="overview-recent">
                {s.recent.length === 0 ? (
                  <span className={styles.muted}>none in 24 h</span>
                ) : (
                  s.recent.map((e) => (
                    <div key={e.id}>
                      <time dateTime={e.time}>{new Date(e.time).toLocaleTimeString()}</time> {e.user}: {e.action}
                      {e.rules.length ? ` ${e.rules.join(', ')}` : ''}
                      {e.result !== 'applied' ? <span className={styles.muted}> ({e.result})</span> : null}
                    </div>
                  ))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
