'use client';
/** Adds a filter from typed controls: a dimension, a value (validated like the URL), include or exclude. */
import { useState } from 'react';
import { checkValue, DIM_KEYS, FILTER_DIMS, type DimKey } from '@/lib/logs/filters';
import { Button } from '../ui/Button';
import styles from './logs.module.css';

const PLACEHOLDERS: Partial<Record<DimKey, string>> = {
  code: '503, 5xx or 500-504',
  method: 'GET',
  path: '/v2/orders',
  pathPrefix: '/v2/',
  user: 'arn:aws:iam::…:role/…',
  authDenied: 'Service',
  failure: 'TargetConnectionError',
  sourceVpc: 'vpc-…',
  userAgent: 'curl',
  text: 'any text in the record',
  network: 'arn:aws:vpc-lattice:…:servicenetwork/sn-…',
  service: 'arn:aws:vpc-lattice:…:service/svc-…',
  targetGroup: 'arn:aws:vpc-lattice:…:targetgroup/tg-…',
};
/** Order of the dimension menu: the common triage filters first. */
const MENU: DimKey[] = [
  'code',
  'user',
  'authDenied',
  'failure',
  'method',
  'path',
  'pathPrefix',
  'sourceVpc',
  'userAgent',
  'text',
  ...DIM_KEYS.filter((d) => ['network', 'service', 'targetGroup'].includes(d)),
];

/** The add-filter form. */
export function AddFilter({ onAdd }: { onAdd: (dim: DimKey, value: string, exclude: boolean) => void }) {
  const [dim, setDim] = useState<DimKey>('code');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (exclude: boolean) => {
    const r = checkValue(dim, value);
    if (!r.ok) return setError(r.message);
    setError(undefined);
    setValue('');
    onAdd(dim, r.value, exclude);
  };
  return (
    <form
      className={styles.group}
      data-testid="add-filter"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      <label className={styles.label} htmlFor="logs-filter-dim">
        Filter
      </label>
      <select
        id="logs-filter-dim"
        className={styles.select}
        value={dim}
        onChange={(e) => {
          setDim(e.target.value as DimKey);
          setError(undefined);
        }}
      >
        {MENU.map((d) => (
          <option key={d} value={d}>
            {FILTER_DIMS[d].label}
          </option>
        ))}
      </select>
      <input
        aria-label={`${FILTER_DIMS[dim].label} value`}
        aria-invalid={error !== undefined}
        aria-describedby={error ? 'logs-filter-error' : undefined}
        className={`${styles.input} ${error ? styles.inputInvalid : ''}`}
        placeholder={PLACEHOLDERS[dim]}
        value={value}
        maxLength={2048}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button type="submit" variant="secondary" className={styles.small}>
        Include
      </Button>
      <Button variant="secondary" className={styles.small} onClick={() => submit(true)}>
        Exclude
      </Button>
      {error ? (
        <span id="logs-filter-error" className={styles.fieldError} role="alert">
          {error}
        </span>
      ) : null}
    </form>
  );
}
