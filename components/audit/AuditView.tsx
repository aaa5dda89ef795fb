'use client';
/**
 * The Audit page: every attempted routing change and canary transition from the audit log group,
 * newest first, filtered by user, resource, result and time range (all in the URL). Applied changes
 * can be rolled back through the same preview and conflict check as an edit.
 */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { listAuditEvents } from '@/lib/actions/audit';
import { AUDIT_RESULTS, isRevertible, type AuditEvent } from '@/lib/audit/event';
import { AUDIT_RANGES, auditFilterParams, parseAuditFilter, type AuditFilter } from '@/lib/audit/filter';
import { ErrorNote } from '../routing/ErrorNote';
import { errorInfoOf, unwrap } from '../routing/resultError';
import { RollbackDialog } from '../routing/RollbackDialog';
import { Skeleton } from '../ui/Skeleton';
import { AuditChangeSummary } from './AuditChangeSummary';
import { auditKeys } from './queryKeys';
import styles from './auditView.module.css';
import { buttonClass } from '../ui/Button';
import { noteClass } from '../ui/Note';
import { tableClass } from '../ui/Table';

const shortName = (arn: string) => arn.split('/').pop() ?? arn;

function routingLink(e: AuditEvent): string {
  const p = new URLSearchParams({ service: e.serviceArn });
  if (e.listenerArn) p.set('listener', e.listenerArn);
  const rule = e.ruleArn ?? e.changes[0]?.ruleArn;
  p.set('rule', rule ?? 'default');
  return `/routing?${p.toString()}`;
}

/** The page body. `blockedReason`: why this user may not roll back. */
export function AuditView({ blockedReason }: { blockedReason?: string }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filter = parseAuditFilter(params);
  const [announcement, setAnnouncement] = useState('');
  const [rollback, setRollback] = useState<AuditEvent | undefined>();
  const q = useQuery({ queryKey: auditKeys.list(filter), queryFn: async () => unwrap(await listAuditEvents(filter)) });

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next: AuditFilter = parseAuditFilter(new URLSearchParams([...f.entries()].map(([k, v]) => [k, String(v)])));
    const qs = auditFilterParams(next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };

  return (
    <div className={styles.view}>
      <form className={styles.filters} onSubmit={apply} aria-label="Filter the audit log" key={params.toString()}>
        <label>
          User <input name="user" defaultValue={filter.user ?? ''} placeholder="id or name" />
        </label>
        <label>
          Resource{' '}
          <input
            name="resource"
            defaultValue={filter.resource ?? ''}
            placeholder="ARN or part of it"
            className={styles.wide}
          />
        </label>
        <label>
          Result{' '}
          <select name="result" defaultValue={filter.result ?? ''}>
            <option value="">any</option>
            {AUDIT_RESULTS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <label>
          Last{' '}
          <select name="range" defaultValue={filter.range}>
            {Object.keys(AUDIT_RANGES).map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        {filter.from !== undefined ? (
          <input type="hidden" name="from" value={new Date(filter.from).toISOString()} />
        ) : null}
        {filter.to !== undefined ? <input type="hidden" name="to" value={new Date(filter.to).toISOString()} /> : null}
        <button type="submit" className={buttonClass('secondary', 'sm')}>
          Apply filters
        </button>
        {params.toString() ? (
          <Link href={pathname} className={styles.clear}>
            Clear
          </Link>
        ) : null}
      </form>
      <div aria-live="polite" role="status" className={noteClass('info', styles.announce)} data-testid="announcement">
        {announcement}
      </div>
      {q.isPending ? <Skeleton lines={5} label="Reading the audit log" /> : null}
      {q.isError ? (
        <ErrorNote error={errorInfoOf(q.error)} title="The audit log could not be read" testId="audit-error" />
      ) : null}
      {q.isSuccess && q.data.events.length === 0 ? (
        <p className={styles.empty}>No entry matches these filters.</p>
      ) : null}
      {q.isSuccess && q.data.events.length > 0 ? (
        <table className={`${tableClass} ${styles.table}`} data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">User</th>
              <th scope="col">Action</th>
              <th scope="col">Where</th>
              <th scope="col">Change</th>
              <th scope="col">Result</th>
              <th scope="col">
                <span className="visually-hidden">Rollback</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.events.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action} data-result={e.result}>
                <td className={styles.nowrap}>
                  <time dateTime={e.time}>{new Date(e.time).toLocaleString()}</time>
                </td>
                <td>{e.user.name}</td>
                <td className={styles.nowrap}>{e.action}</td>
                <td>
                  <Link href={routingLink(e)}>
                    {e.serviceName ?? q.data.names[e.serviceArn] ?? shortName(e.serviceArn)}
                  </Link>
                  <div className={styles.muted}>{e.accountId}</div>
                </td>
                <td>
                  <AuditChangeSummary event={e} nameOf={(arn) => q.data.names[arn] ?? shortName(arn)} />
                  {e.requestId ? <div className={styles.muted}>request {e.requestId}</div> : null}
                </td>
                <td>
                  <span className={styles[`result_${e.result}`]}>{e.result}</span>
                </td>
                <td>
                  {isRevertible(e) ? (
                    <button
                      type="button"
                      className={buttonClass('secondary', 'sm')}
                      disabled={Boolean(blockedReason)}
                      title={blockedReason}
                      onClick={() => setRollback(e)}
                    >
                      Roll back
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rollback ? (
        <RollbackDialog event={rollback} announce={setAnnouncement} onClose={() => setRollback(undefined)} />
      ) : null}
    </div>
  );
}
