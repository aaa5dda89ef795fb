'use client';
/** The active filters as removable chips (excluded values marked "not"). */
import { FILTER_DIMS, filterChips, type DimKey, type LogFilters } from '@/lib/logs/filters';
import { displayName } from './format';
import styles from './logs.module.css';
import { buttonClass } from '../ui/Button';

interface Props {
  filters: LogFilters;
  names: Readonly<Record<string, string>>;
  onRemove: (dim: DimKey, value: string, exclude: boolean) => void;
  onClear: () => void;
}

/** Chips of every active filter value. */
export function FilterChips({ filters, names, onRemove, onClear }: Props) {
  const chips = filterChips(filters);
  return (
    <fieldset className={styles.chips} data-testid="filter-chips" aria-label="Active filters">
      {chips.length === 0 ? <span className={styles.muted}>No filter: every request of the sources below.</span> : null}
      {chips.map((c) => {
        const text = `${c.exclude ? 'not ' : ''}${FILTER_DIMS[c.dim].label}: ${displayName(c.value, names)}`;
        return (
          <span
            key={`${c.dim}|${c.exclude}|${c.value}`}
            className={`${styles.chip} ${c.exclude ? styles.chipExclude : ''}`}
            data-dim={c.dim}
            data-exclude={c.exclude}
            title={c.value}
          >
            <span className={styles.chipText}>{text}</span>
            <button
              type="button"
              className={styles.chipRemove}
              aria-label={`Remove filter ${text}`}
              onClick={() => onRemove(c.dim, c.value, c.exclude)}
            >
              ×
            </button>
          </span>
        );
      })}
      {chips.length > 1 ? (
        <button type="button" className={buttonClass('link')} onClick={onClear}>
          Clear all
        </button>
      ) : null}
    </fieldset>
  );
}
