'use client';
/** Title, refresh and compare, the time range, the add-filter form, the breakdowns' ranking and the active filters. */
import { type DimKey, RANKS, type Rank } from '@/lib/logs/filters';
import { RANK_LABELS } from '@/lib/logs/ranking';
import { spanLabel } from '@/lib/logs/time';
import { Button } from '../ui/Button';
import { PageHeader } from '../ui/PageHeader';
import { AddFilter } from './AddFilter';
import { FilterChips } from './FilterChips';
import { utcDateTime } from './format';
import { TimeRangePicker } from './TimeRangePicker';
import type { ExplorerState } from './useExplorerState';
import styles from './logs.module.css';

interface Props {
  ex: ExplorerState;
  names: Readonly<Record<string, string>>;
  onAdd: (dim: DimKey, value: string, exclude: boolean) => void;
  onRemove: (dim: DimKey, value: string, exclude: boolean) => void;
  onClear: () => void;
}

/** The explorer's header. */
export function ExplorerHeader({ ex, names, onAdd, onRemove, onClear }: Props) {
  const w = ex.window;
  return (
    <>
      <PageHeader
        title="Logs"
        description={
          w
            ? `Access logs from ${utcDateTime(w.startMs)} to ${utcDateTime(w.endMs)} UTC ` +
              `(${spanLabel(w.endMs - w.startMs)}), run in CloudWatch Logs Insights.`
            : 'Access logs, run in CloudWatch Logs Insights.'
        }
      >
        <label className={styles.group}>
          <input
            type="checkbox"
            checked={ex.filters.compare}
            onChange={(e) => ex.navigate({ ...ex.filters, compare: e.target.checked })}
            data-testid="compare-toggle"
          />
          <span>Compare with the previous period</span>
        </label>
        <Button variant="secondary" onClick={ex.refresh} title="Run every panel again (a relative range moves to now)">
          Refresh
        </Button>
      </PageHeader>
      <div className={styles.toolbar}>
        <TimeRangePicker time={ex.filters.time} window={w} onChange={(time) => ex.navigate({ ...ex.filters, time })} />
        <AddFilter onAdd={onAdd} />
        <label className={styles.group}>
          <span className={styles.label}>Rank breakdowns by</span>
          <select
            value={ex.filters.rank}
            onChange={(e) => ex.navigate({ ...ex.filters, rank: e.target.value as Rank })}
            data-testid="rank-select"
          >
            {RANKS.map((r) => (
              <option key={r} value={r}>
                {RANK_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FilterChips filters={ex.filters} names={names} onRemove={onRemove} onClear={onClear} />
    </>
  );
}
