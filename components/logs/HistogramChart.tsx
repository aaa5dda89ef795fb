'use client';
/**
 * Requests over time, stacked by status class (2xx, 3xx, 4xx, 403 apart, 5xx), as hand-drawn SVG.
 * Drag across the plot to zoom into that time range (the caller puts it in the URL); Escape
 * abandons a drag. With a previous period, its totals are drawn as a dashed line for comparison.
 * Routing changes and canary steps from the audit log are marked on the time axis (who, what).
 */
import { memo, useEffect, useRef, useState, type PointerEvent } from 'react';
import { STATUS_CLASSES, type StatusClass } from '@/lib/domain/accessLog';
import { type ChangeMarker, placeMarkers } from '@/lib/logs/markers';
import type { Histogram } from '@/lib/logs/panelResults';
import type { TimeWindow } from '@/lib/logs/time';
import { count, utcDateTime } from './format';
import styles from './histogram.module.css';

/** Colours of the status classes (also used by the legend). */
export const CLASS_COLOURS: Record<StatusClass, string> = {
  '2xx': '#4c9a6a',
  '3xx': '#6b8fd6',
  '4xx': '#e0a33a',
  '403': '#9b51b8',
  '5xx': '#d64541',
  other: '#9aa4ae',
};

const LEFT = 44;
const BOTTOM = 20;
const TOP = 8;

interface Props {
  histogram: Histogram;
  previous?: Histogram | undefined;
  window: TimeWindow;
  height: number;
  /** Logs after this time may still be arriving (shaded). */
  lateFromMs?: number | undefined;
  /** Routing changes and canary steps, drawn as lines on the time axis with who and what. */
  markers?: readonly ChangeMarker[] | undefined;
  onBrush: (fromMs: number, toMs: number) => void;
}

function timeLabel(ms: number, spanMs: number): string {
  const s = utcDateTime(ms);
  return spanMs > 86_400_000 ? `${s.slice(5, 10)} ${s.slice(11, 16)}` : s.slice(11, spanMs <= 600_000 ? 19 : 16);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** The stacked histogram. */
export const HistogramChart = memo(function HistogramChart(p: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [drag, setDrag] = useState<{ x0: number; x1: number } | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => e && setWidth(Math.max(200, Math.floor(e.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (!drag) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setDrag(undefined);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drag]);

  const h = p.histogram;
  const plotW = width - LEFT - 4;
  const plotH = p.height - BOTTOM - TOP;
  const first = h.bins[0]?.t ?? p.window.startMs;
  const span = Math.max(1, h.bins.length * h.binMs);
  const x = (t: number) => LEFT + ((t - first) / span) * plotW;
  const prevMax = p.previous ? p.previous.max : 0;
  const max = Math.max(1, h.max, prevMax);
  const y = (n: number) => TOP + plotH - (n / max) * plotH;
  const barW = Math.max(1, plotW / Math.max(1, h.bins.length) - (h.bins.length > 90 ? 0.5 : 1.5));
  const toTime = (px: number) => first + ((Math.min(Math.max(px, LEFT), LEFT + plotW) - LEFT) / plotW) * span;
  const local = (e: PointerEvent) => e.clientX - (e.currentTarget as SVGElement).getBoundingClientRect().left;
  const ticks = Array.from({ length: 6 }, (_, i) => first + (span * i) / 6);
  const shift = p.window.endMs - p.window.startMs;
  const placed = placeMarkers(p.markers ?? [], { first, span, left: LEFT, width: plotW });

  return (
    <div ref={box} className={styles.box}>
      <svg
        width={width}
        height={p.height}
        className={styles.svg}
        role="img"
        aria-label={`Requests over time, ${count(h.total)} in total; drag to zoom into a time range`}
        data-testid="histogram-chart"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          (e.currentTarget as SVGElement).setPointerCapture(e.pointerId);
          const px = local(e);
          setDrag({ x0: px, x1: px });
        }}
        onPointerMove={(e) => drag && setDrag({ ...drag, x1: local(e) })}
        onPointerUp={() => {
          if (drag && Math.abs(drag.x1 - drag.x0) > 4) {
            const a = toTime(Math.min(drag.x0, drag.x1));
            const b = toTime(Math.max(drag.x0, drag.x1));
            p.onBrush(Math.floor(a / 1000) * 1000, Math.ceil(b / 1000) * 1000);
          }
          setDrag(undefined);
        }}
        onPointerCancel={() => setDrag(undefined)}
      >
        <line x1={LEFT} x2={LEFT + plotW} y1={y(0)} y2={y(0)} className={styles.axis} />
        <line x1={LEFT} x2={LEFT + plotW} y1={y(max)} y2={y(max)} className={styles.grid} />
        <line x1={LEFT} x2={LEFT + plotW} y1={y(max / 2)} y2={y(max / 2)} className={styles.grid} />
        <text x={LEFT - 6} y={y(max) + 4} className={styles.yLabel}>
          {count(max)}
        </text>
        <text x={LEFT - 6} y={y(max / 2) + 4} className={styles.yLabel}>
          {count(Math.round(max / 2))}
        </text>
        <text x={LEFT - 6} y={y(0)} className={styles.yLabel}>
          0
        </text>
        {ticks.map((t) => (
          <text key={t} x={x(t)} y={p.height - 5} className={styles.xLabel}>
            {timeLabel(t, span)}
          </text>
        ))}
        {p.lateFromMs !== undefined && p.lateFromMs < first + span ? (
          <g data-testid="histogram-late">
            <rect
              x={x(Math.max(first, p.lateFromMs))}
              y={TOP}
              width={Math.max(0, x(first + span) - x(Math.max(first, p.lateFromMs)))}
              height={plotH}
              className={styles.late}
            />
            <title>Logs reach CloudWatch about 2 minutes late: these bins may still grow.</title>
          </g>
        ) : null}
        {h.bins.map((b) => {
          let acc = 0;
          return (
            <g
              key={b.t}
              data-bin={new Date(b.t).toISOString()}
              data-total={b.total}
              {...Object.fromEntries(STATUS_CLASSES.map((c) => [`data-c${c}`, b.counts[c]]))}
            >
              <title>{`${utcDateTime(b.t)} UTC · ${count(b.total)} requests${STATUS_CLASSES.filter(
                (c) => b.counts[c] > 0,
              )
                .map((c) => ` · ${c} ${count(b.counts[c])}`)
                .join('')}`}</title>
              {STATUS_CLASSES.map((c) => {
                const n = b.counts[c];
                if (n === 0) return null;
                const top = y(acc + n);
                const rect = (
                  <rect
                    key={c}
                    x={x(b.t)}
                    y={top}
                    width={barW}
                    height={Math.max(1, y(acc) - top)}
                    fill={CLASS_COLOURS[c]}
                    data-class={c}
                  />
                );
                acc += n;
                return rect;
              })}
            </g>
          );
        })}
        {p.previous ? (
          <polyline
            className={styles.previous}
            data-testid="histogram-previous"
            points={p.previous.bins.map((b) => `${x(b.t + shift) + barW / 2},${y(b.total)}`).join(' ')}
          />
        ) : null}
        {placed.map((m) => (
          <g
            key={m.id}
            className={styles.marker}
            data-testid="change-marker"
            data-time={new Date(m.t).toISOString()}
            data-who={m.who}
            data-action={m.action}
          >
            <title>{`${utcDateTime(m.t)} UTC · ${m.who}: ${m.what}`}</title>
            <line x1={m.x} x2={m.x} y1={TOP} y2={TOP + plotH} className={styles.markerLine} />
            <text x={m.x + 3} y={TOP + 10 + m.lane * 12} className={styles.markerLabel}>
              {clip(`${m.who}: ${m.what}`, 34)}
            </text>
          </g>
        ))}
        {drag ? (
          <rect
            x={Math.min(drag.x0, drag.x1)}
            y={TOP}
            width={Math.abs(drag.x1 - drag.x0)}
            height={plotH}
            className={styles.brush}
          />
        ) : null}
      </svg>
    </div>
  );
});
