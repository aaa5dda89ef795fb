'use client';

import { OWNER_KINDS, type OwnerKind } from '@/lib/domain/owner';
import type { AuthType } from '@/lib/domain/snapshot';
import { isFilterActive, type GraphFilter } from '@/lib/graph/filter';
import type { AccountGroup, Health, NetworkNode } from '@/lib/graph/types';
import styles from './topology.module.css';

interface Props {
  filter: GraphFilter;
  onChange(update: (f: GraphFilter) => GraphFilter): void;
  groups: AccountGroup[];
  networks: NetworkNode[];
}

const HEALTH: Array<[Health, string]> = [
  ['error', 'Failing'],
  ['warn', 'Degraded'],
  ['ok', 'Healthy'],
  ['unknown', 'Unknown'],
];
const AUTH: AuthType[] = ['AWS_IAM', 'NONE'];

function toggle<T>(list: readonly T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

/** A disclosure with checkboxes (accounts, networks). */
function CheckMenu({
  label,
  options,
  selected,
  onToggle,
  testId,
}: {
  label: string;
  options: Array<{ value: string; text: string }>;
  selected: string[];
  onToggle(v: string): void;
  testId: string;
}) {
  return (
    <details className={styles.menu} data-testid={testId}>
      <summary
        className={styles.chip}
        aria-label={`${label} filter${selected.length ? `, ${selected.length} selected` : ''}`}
      >
        {label}
        {selected.length ? ` (${selected.length})` : ''} ▾
      </summary>
      <div className={styles.menuPanel}>
        {options.length === 0 ? <p className={styles.small}>None</p> : null}
        {options.map((o) => (
          <label key={o.value} className={styles.check}>
            <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} />
            {o.text}
          </label>
        ))}
      </div>
    </details>
  );
}

const OWNER_OPTIONS: Array<{ value: OwnerKind; text: string }> = [
  { value: 'eks', text: 'EKS Gateway API controller' },
  { value: 'cloudformation', text: 'CloudFormation stack' },
  { value: 'none', text: 'Nobody (by its tags)' },
];

/** Filters: account, network, health, auth type, managed by, has errors; dim or hide what does not match. */
export function FilterBar({ filter, onChange, groups, networks }: Props) {
  return (
    <>
      <CheckMenu
        label="Accounts"
        testId="filter-accounts"
        options={groups.map((g) => ({ value: g.accountId, text: `${g.name} · ${g.accountId}` }))}
        selected={filter.accounts}
        onToggle={(v) => onChange((f) => ({ ...f, accounts: toggle(f.accounts, v).sort() }))}
      />
      <CheckMenu
        label="Networks"
        testId="filter-networks"
        options={networks.map((n) => ({ value: n.id, text: `${n.label} · ${n.accountId}` }))}
        selected={filter.networks}
        onToggle={(v) => onChange((f) => ({ ...f, networks: toggle(f.networks, v).sort() }))}
      />
      <span className={styles.sep} aria-hidden="true" />
      <fieldset aria-label="Health" className={styles.buttonGroup}>
        {HEALTH.map(([h, text]) => (
          <button
            key={h}
            type="button"
            className={styles.chip}
            aria-pressed={filter.health.includes(h)}
            onClick={() =>
              onChange((f) => ({
                ...f,
                health: HEALTH.map(([x]) => x).filter((x) => (x === h ? !f.health.includes(h) : f.health.includes(x))),
              }))
            }
          >
            <span className={styles.dot} data-health={h} aria-hidden="true" />
            {text}
          </button>
        ))}
      </fieldset>
      <fieldset aria-label="Auth type" className={styles.buttonGroup}>
        {AUTH.map((a) => (
          <button
            key={a}
            type="button"
            className={styles.chip}
            aria-pressed={filter.auth.includes(a)}
            onClick={() =>
              onChange((f) => ({
                ...f,
                auth: AUTH.filter((x) => (x === a ? !f.auth.includes(a) : f.auth.includes(x))),
              }))
            }
          >
            {a}
          </button>
        ))}
      </fieldset>
      <CheckMenu
        label="Managed by"
        testId="filter-owner"
        options={OWNER_OPTIONS}
        selected={filter.owners ?? []}
        onToggle={(v) =>
          onChange((f) => ({ ...f, owners: OWNER_KINDS.filter((k) => (k === v) !== (f.owners ?? []).includes(k)) }))
        }
      />
      <button
        type="button"
        className={styles.chip}
        aria-pressed={filter.errors}
        onClick={() => onChange((f) => ({ ...f, errors: !f.errors }))}
      >
        Has errors
      </button>
      <span className={styles.sep} aria-hidden="true" />
      <button
        type="button"
        className={styles.chip}
        aria-pressed={filter.mode === 'hide'}
        onClick={() => onChange((f) => ({ ...f, mode: f.mode === 'hide' ? 'dim' : 'hide' }))}
        title="Hide what does not match instead of dimming it"
      >
        Hide others
      </button>
      {isFilterActive(filter) ? (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() =>
            onChange((f) => ({
              ...f,
              q: '',
              accounts: [],
              networks: [],
              health: [],
              auth: [],
              errors: false,
              owners: [],
            }))
          }
        >
          × Clear
        </button>
      ) : null}
    </>
  );
}
