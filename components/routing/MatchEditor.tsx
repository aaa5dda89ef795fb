'use client';
/** The conditions of a rule: method, path (exact or prefix) and up to five header conditions. */
import type { HeaderCondition, RuleMatch } from '@/lib/domain/routing';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Edits a match; `onChange` gets the whole new match. */
export function MatchEditor({
  match,
  disabled,
  onChange,
}: {
  match: RuleMatch;
  disabled: boolean;
  onChange: (m: RuleMatch) => void;
}) {
  const setHeader = (i: number, h: Partial<HeaderCondition>) =>
    onChange({ ...match, headers: match.headers.map((x, k) => (k === i ? { ...x, ...h } : x)) });
  const { method: _m, ...noMethod } = match;
  const { path: _p, ...noPath } = match;
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend>Match</legend>
      <div className={styles.fieldRow}>
        <label htmlFor="match-method">Method</label>
        <select
          id="match-method"
          value={match.method ?? ''}
          onChange={(e) => onChange(e.target.value ? { ...match, method: e.target.value } : noMethod)}
        >
          <option value="">any</option>
          {[...new Set([...METHODS, ...(match.method ? [match.method] : [])])].map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.fieldRow}>
        <label htmlFor="match-path">Path</label>
        <select
          aria-label="Path match type"
          value={match.path?.type ?? ''}
          onChange={(e) =>
            onChange(
              e.target.value
                ? {
                    ...match,
                    path: {
                      type: e.target.value as 'exact' | 'prefix',
                      value: match.path?.value ?? '/',
                      caseSensitive: match.path?.caseSensitive ?? false,
                    },
                  }
                : noPath,
            )
          }
        >
          <option value="">any</option>
          <option value="prefix">prefix</option>
          <option value="exact">exact</option>
        </select>
        {match.path ? (
          <>
            <input
              id="match-path"
              className={styles.textInput}
              value={match.path.value}
              onChange={(e) => onChange({ ...match, path: { ...match.path!, value: e.target.value } })}
            />
            <label className={styles.inline}>
              <input
                type="checkbox"
                checked={match.path.caseSensitive}
                onChange={(e) => onChange({ ...match, path: { ...match.path!, caseSensitive: e.target.checked } })}
              />{' '}
              case-sensitive
            </label>
          </>
        ) : null}
      </div>
      {match.headers.map((h, i) => (
        // Rows are positional ("Header 2") and fully controlled; after a removal, focus stays on the row that moved up.
        // biome-ignore lint/suspicious/noArrayIndexKey: the position is the row's identity.
        <div className={styles.fieldRow} key={i}>
          <label htmlFor={`header-name-${i}`}>Header</label>
          <input
            id={`header-name-${i}`}
            className={styles.textInput}
            placeholder="name"
            value={h.name}
            onChange={(e) => setHeader(i, { name: e.target.value })}
          />
          <select
            aria-label={`Header ${i + 1} match type`}
            value={h.type}
            onChange={(e) => setHeader(i, { type: e.target.value as HeaderCondition['type'] })}
          >
            <option value="exact">equals</option>
            <option value="prefix">starts with</option>
            <option value="contains">contains</option>
          </select>
          <input
            aria-label={`Header ${i + 1} value`}
            className={styles.textInput}
            placeholder="value"
            value={h.value}
            onChange={(e) => setHeader(i, { value: e.target.value })}
          />
          <button
            type="button"
            className={buttonClass('quiet', 'sm')}
            aria-label={`Remove header condition ${i + 1}`}
            onClick={() => onChange({ ...match, headers: match.headers.filter((_, k) => k !== i) })}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className={buttonClass('secondary', 'sm')}
        onClick={() =>
          onChange({
            ...match,
            headers: [...match.headers, { name: '', type: 'exact', value: '', caseSensitive: false }],
          })
        }
      >
        Add header condition
      </button>
    </fieldset>
  );
}
