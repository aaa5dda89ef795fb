'use client';
/** The histogram panel: requests over time by status class, brushing to zoom, the previous period as a line. */
import { useMemo } from 'react';
import { STATUS_CLASSES } from '@/lib/domain/accessLog';
import { rowsOf } from '@/lib/logs/panelTypes';
import { delta, foldHistogram, formatDelta, formatDeltaShort } from '@/lib/logs/panelResults';
import { INGESTION_DELAY_MS, type TimeWindow } from '@/lib/logs/time';
import type { BinPeriod } from '@/lib/logs/query';
import { count } from './format';
import { CLASS_COLOURS, HistogramChart } from './HistogramChart';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelHandle } from './usePanel';
import hs from './histogram.module.css';
import styles from './logs.module.css';

const HEIGHT = 196;

interface Props {
  handle: PanelHandle;
  previous?: PanelHandle | undefined;
  window: TimeWindow | undefined;
  previousWindow: TimeWindow | undefined;
  bin: BinPeriod;
  resolvedAt: number;
  accountNames: Readonly<Record<string, string>>;
  onBrush: (fromMs: number, toMs: number) => void;
  className?: string;
}

/** Requests over time. */
export function HistogramPanel(p: Props) {
  const state = p.handle.state;
  const prevState = p.previous?.state;
  const h = useMemo(
    () => (p.window && state ? foldHistogram(rowsOf(state), p.window, p.bin) : undefined),
    [state, p.window, p.bin],
  );
  const prev = useMemo(
    () => (p.previousWindow && prevState ? foldHistogram(rowsOf(prevState), p.previousWindow, p.bin) : undefined),
    [prevState, p.previousWindow, p.bin],
  );
  const late =
    p.window && p.window.endMs > p.resolvedAt - INGESTION_DELAY_MS ? p.resolvedAt - INGESTION_DELAY_MS : undefined;
  const hasRows = state?.runs.some((r) => (r.rows?.length ?? 0) > 0);
  return (
    <PanelFrame
      title={`Requests over time (${p.bin} bins, UTC)`}
      testId="panel-histogram"
      handle={p.handle}
      previous={p.previous}
      height={HEIGHT + 40}
      accountNames={p.accountNames}
      {...(p.className ? { className: p.className } : {})}
    >
      <div className={hs.legend} data-testid="histogram-legend">
        {STATUS_CLASSES.filter((c) => c !== 'other' || (h?.byClass.other ?? 0) > 0).map((c) => (
          <span key={c} data-class={c}>
            <span className={hs.swatch} style={{ background: CLASS_COLOURS[c] }} aria-hidden="true" />
            {c === 'other' ? 'other' : c} {h ? count(h.byClass[c]) : '–'}
            {h && prev && (h.byClass[c] > 0 || prev.byClass[c] > 0) ? (
              <span
                className={styles.muted}
                title={`${formatDelta(delta(h.byClass[c], prev.byClass[c]))} against the previous period`}
              >
                {' '}
                {formatDeltaShort(delta(h.byClass[c], prev.byClass[c]))}
              </span>
            ) : null}
          </span>
        ))}
        {prev ? (
          <span>
            <span className={hs.previousSwatch} aria-hidden="true" />
            previous period ({count(prev.total)})
          </span>
        ) : null}
      </div>
      {h && p.window && (hasRows || state?.phase === 'done') ? (
        h.total === 0 && state?.phase === 'done' ? (
          <div className={styles.empty} style={{ height: HEIGHT }}>
            No requests in this window{late ? ' (logs of the last 2 minutes may still be arriving)' : ''}.
          </div>
        ) : (
          <HistogramChart
            histogram={h}
            previous={prev}
            window={p.window}
            height={HEIGHT}
            lateFromMs={late}
            onBrush={p.onBrush}
          />
        )
      ) : state?.phase === 'cancelled' ? (
        <div className={styles.empty} style={{ height: HEIGHT }}>
          Cancelled. Run again to load the histogram.
        </div>
      ) : (
        <PanelSkeleton lines={6} />
      )}
    </PanelFrame>
  );
}
