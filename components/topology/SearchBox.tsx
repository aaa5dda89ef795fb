'use client';

import { useId, useState } from 'react';
import { KIND_NAME, type GraphNode } from '@/lib/graph/types';
import styles from './topology.module.css';

interface Props {
  value: string;
  onChange(value: string): void;
  /** The best matches (already sorted) and how many there are in all. */
  matches: GraphNode[];
  total: number;
  /** `fromInput`: Enter in the search box (focus stays there, for the next search). */
  onPick(id: string, fromInput: boolean): void;
}

/** Finds nodes by name, ARN or id; Enter picks the first match, the list offers the others. */
export function SearchBox({ value, onChange, matches, total, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const show = open && value.trim() !== '';
  return (
    // Focus and blur bubble up from the input and the results: the list stays open while focus is within.
    // biome-ignore lint/a11y/noStaticElementInteractions: focus-within tracking; the controls inside are interactive.
    <div
      className={styles.searchWrap}
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <input
        type="search"
        className={styles.search}
        placeholder="Find by name, ARN or id"
        aria-label="Find in the topology"
        aria-controls={show ? listId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches[0]) {
            e.preventDefault();
            onPick(matches[0].id, true);
            setOpen(false);
          } else if (e.key === 'Escape') {
            if (value) {
              e.stopPropagation();
              onChange('');
            }
          }
        }}
        data-testid="topology-search"
      />
      {show ? (
        <div className={styles.results} id={listId} data-testid="search-results">
          <p className={styles.resultsHead} role="status">
            {total === 0
              ? 'No match'
              : `${total} match${total === 1 ? '' : 'es'}${total > matches.length ? `, first ${matches.length}` : ''}`}
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Matches">
            {matches.map((n) => (
              <li key={n.id}>
                <button
                  type="button"
                  className={styles.result}
                  onClick={() => {
                    onPick(n.id, false);
                    setOpen(false);
                  }}
                >
                  <span className={styles.dot} data-health={n.health} aria-hidden="true" />
                  <span className={styles.resultKind}>{KIND_NAME[n.kind]}</span>
                  <span className={styles.resultName}>{n.label}</span>
                  <span className={styles.small}>{n.accountId}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
