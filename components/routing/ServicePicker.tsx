'use client';
/** Picks the service whose routes are shown; services grouped by owner account. */
import { useQuery } from '@tanstack/react-query';
import { listRoutingServices } from '@/lib/actions/routing';
import { ErrorNote } from './ErrorNote';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import styles from './routing.module.css';

/** A select of the services of every configured account. */
export function ServicePicker({ value, onChange }: { value?: string; onChange: (serviceArn: string) => void }) {
  const q = useQuery({
    queryKey: routingKeys.services(),
    queryFn: async () => unwrap(await listRoutingServices()),
    staleTime: 60_000,
  });
  const services = q.data?.services ?? [];
  const accounts = [...new Set(services.map((s) => s.accountName))];
  return (
    <div className={styles.picker}>
      <label htmlFor="service-picker">Service</label>
      <select
        id="service-picker"
        data-testid="service-picker"
        value={value ?? ''}
        onChange={(e) => e.target.value && onChange(e.target.value)}
        disabled={q.isPending}
      >
        <option value="">{q.isPending ? 'Loading services…' : 'Choose a service'}</option>
        {value && !services.some((s) => s.arn === value) ? (
          <option value={value}>{value.split('/').pop()}</option>
        ) : null}
        {accounts.map((acc) => (
          <optgroup key={acc} label={acc}>
            {services
              .filter((s) => s.accountName === acc)
              .map((s) => (
                <option key={s.arn} value={s.arn}>
                  {s.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {q.isError ? <ErrorNote error={errorInfoOf(q.error)} title="The services could not be listed" /> : null}
      {q.data?.problems.map((p) => (
        <ErrorNote
          key={p.accountId}
          error={p.error}
          title={`Services of ${p.accountName} (${p.accountId}) could not be listed`}
        />
      ))}
    </div>
  );
}
