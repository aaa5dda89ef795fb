'use client';
/** The time range: a relative range (last 5 minutes … 7 days) or absolute UTC bounds, and zoom out. */
import { useEffect, useState } from 'react';
import { isoSec, RELATIVE_RANGES, type RelativeRange, type TimeRange, type TimeWindow } from '@/lib/logs/time';
import { Button } from '../ui/Button';
import styles from './logs.module.css';

const LABELS: Record<RelativeRange, string> = {
  '5m': 'Last 5 minutes',
  '15m': 'Last 15 minutes',
  '30m': 'Last 30 minutes',
  '1h': 'Last hour',
  '3h': 'Last 3 hours',
  '6h': 'Last 6 hours',
  '12h': 'Last 12 hours',
  '24h': 'Last 24 hours',
  '2d': 'Last 2 days',
  '7d': 'Last 7 days',
};

/** `2024-05-01T09:00:00` for a datetime-local input showing UTC. */
const toInput = (ms: number) => new Date(ms).toISOString().slice(0, 19);
const fromInput = (s: string) => Date.parse(/Z$/.test(s) ? s : `${s.length === 16 ? `${s}:00` : s}Z`);

interface Props {
  time: TimeRange;
  window: TimeWindow | undefined;
  onChange: (t: TimeRange) => void;
}

/** Relative select plus absolute from/to (UTC). */
export function TimeRangePicker({ time, window, onChange }: Props) {
  const [custom, setCustom] = useState(time.kind === 'absolute');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    setCustom(time.kind === 'absolute');
    const w = time.kind === 'absolute' ? { startMs: time.fromMs, endMs: time.toMs } : window;
    if (w) {
      setFrom(toInput(w.startMs));
      setTo(toInput(w.endMs));
    }
  }, [time, window]);
  const apply = () => {
    const a = fromInput(from);
    const b = fromInput(to);
    if (Number.isNaN(a) || Number.isNaN(b)) return setError('Enter both times.');
    if (!(b > a)) return setError('"To" must be after "from".');
    setError(undefined);
    onChange({ kind: 'absolute', fromMs: a, toMs: b });
  };
  const zoomOut = () => {
    if (!window) return;
    const span = window.endMs - window.startMs;
    onChange({
      kind: 'absolute',
      fromMs: window.startMs - Math.round(span / 2),
      toMs: Math.min(window.endMs + Math.round(span / 2), Math.ceil(Date.now() / 1000) * 1000),
    });
  };
  return (
    <div className={styles.group} data-testid="time-range">
      <label className={styles.label} htmlFor="logs-range">
        Time
      </label>
      <select
        id="logs-range"
        className={styles.select}
        value={custom ? 'custom' : time.kind === 'relative' ? time.range : 'custom'}
        onChange={(e) => {
          if (e.target.value === 'custom') setCustom(true);
          else onChange({ kind: 'relative', range: e.target.value as RelativeRange });
        }}
      >
        {RELATIVE_RANGES.map((r) => (
          <option key={r} value={r}>
            {LABELS[r]}
          </option>
        ))}
        <option value="custom">Custom (UTC)…</option>
      </select>
      {custom ? (
        <form
          className={styles.group}
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <input
            aria-label="From (UTC)"
            type="datetime-local"
            step={1}
            className={styles.select}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <span className={styles.label}>to</span>
          <input
            aria-label="To (UTC)"
            type="datetime-local"
            step={1}
            className={styles.select}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <Button type="submit" variant="secondary" className={styles.small}>
            Apply
          </Button>
          {error ? <span className={styles.fieldError}>{error}</span> : null}
        </form>
      ) : null}
      <Button
        variant="secondary"
        className={styles.small}
        onClick={zoomOut}
        disabled={!window}
        title={window ? `Zoom out from ${isoSec(window.startMs)} – ${isoSec(window.endMs)}` : undefined}
      >
        Zoom out
      </Button>
    </div>
  );
}
