'use client';
/** The histogram panel: requests over time by status class, brushing to zoom, the previous period as a line. */
import { useMemo } from 'react';
import { STATUS_CLASSES } from '@/lib/domain/accessLog';
import { delta, formatDelta, formatDeltaShort } from '@/lib/logs/panelResults';
import { INGESTION_DELAY_MS } from '@/lib/logs/time';
import { count } from './format';
import { CLASS_COLOURS, HistogramChart } from './HistogramChart';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelViewProps } from './viewProps';
import hs from './histogram.module.css';
import styles from './logs.module.css';

const HEIGHT = 196;

/** Requests over time. */
export function HistogramPanel({ def, ctx, ...own }: PanelViewProps<'histogram'>) {
  const p = { ...ctx, ...own };
  const state = p.handle.state;
  const prevState = p.previous?.state;
  const h = useMemo(
    () => (p.window && state ? def.fold(state, p.window, p.bin) : undefined),
    [def, state, p.window, p.bin],
  );
  const prev = useMemo(
    () => (p.previousWindow && prevState ? def.fold(prevState, p.previousWindow, p.bin) : undefined),
    [def, prevState, p.previousWindow, p.bin],
  );
  const late =
    p.window && p.window.endMs > p.resolvedAt - INGESTION_DELAY_MS ? p.resolvedAt - INGESTION_DELAY_MS : undefined;
  const hasRows = state?.runs.some((r) => (r.rows?.length ?? 0) > 0);
  return (
    <PanelFrame
      title={`${def.title} (${p.bin} bins, UTC)`}
      testId={`panel-${def.id}`}
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
