'use client';
/**
 * Latency of the matching requests (`duration`, ms): p50, p95, p99, average and maximum per account
 * (percentiles of different accounts cannot be combined exactly, so each account keeps its own). The
 * percentiles are estimated from the traffic pass (≈, with the range the true value lies in when it is
 * wide); "Exact percentiles" runs the latency query of its own (one more pass) for this and later views.
 */
import { useMemo } from 'react';
import type { Estimate } from '@/lib/logs/latencyEstimate';
import { delta, formatDelta, type LatencyFigures } from '@/lib/logs/panelResults';
import { count } from './format';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelViewProps } from './viewProps';
import { buttonClass } from '../ui/Button';
import ls from './latency.module.css';
import styles from './logs.module.css';

function ms(v: number | undefined): string {
  if (v === undefined) return '–';
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v * 10) / 10} ms`;
}

/** An estimate is shown with its range once the range is wider than ±10 % of it. */
const wide = (e: Estimate) => e.to > e.from * 1.2 && e.to - e.from >= 1;

function Figure(p: {
  label: string;
  value: number | undefined;
  prev: number | undefined;
  range?: Estimate | undefined;
}) {
  const { label, value, prev, range } = p;
  const d = value !== undefined && prev !== undefined ? delta(value, prev) : undefined;
  return (
    <div
      className={ls.figure}
      data-figure={label}
      data-estimate={range ? 'true' : undefined}
      title={range ? `Estimated from the traffic pass: between ${ms(range.from)} and ${ms(range.to)}` : undefined}
    >
      <div className={ls.figureLabel}>{label}</div>
      <div className={ls.figureValue}>
        {range ? '≈ ' : ''}
        {ms(value)}
      </div>
      {range && wide(range) ? (
        <div className={ls.figureRange} data-testid="latency-range">
          {ms(range.from)} – {ms(range.to)}
        </div>
      ) : null}
      {d ? (
        <div
          className={`${ls.figureDelta} ${d.diff > 0 ? styles.up : d.diff < 0 ? styles.down : ''}`}
          title={`${formatDelta(d, ' ms')} against the previous period`}
        >
          {d.diff === 0 ? '±0' : `${d.diff > 0 ? '+' : '−'}${ms(Math.abs(d.diff))}`}
        </div>
      ) : null}
    </div>
  );
}

/** Latency figures for the current filter. */
export function LatencyPanel({ def, ctx, ...own }: PanelViewProps<'latency'>) {
  const p = { ...ctx, ...own };
  const state = p.handle.state;
  // Percentiles of part of the traffic pass's slices would mislead: figures once it is complete.
  const done = state?.phase === 'done';
  const rows = useMemo(() => (state && done ? def.fold(state) : []), [def, state, done]);
  const prevState = p.previous?.state;
  const prevDone = prevState?.phase === 'done';
  const prev = useMemo(() => (prevState && prevDone ? def.fold(prevState) : undefined), [def, prevState, prevDone]);
  const prevOf = (a: LatencyFigures) => prev?.find((x) => x.accountId === a.accountId);
  const estimated = rows.some((a) => Object.keys(a.ranges).length > 0);
  return (
    <PanelFrame
      title={def.title}
      testId={`panel-${def.id}`}
      handle={p.handle}
      previous={p.previous}
      height={256}
      accountNames={p.accountNames}
      {...(p.className ? { className: p.className } : {})}
    >
      {rows.length > 0 ? (
        <div className={ls.accounts}>
          {estimated ? (
            <div className={ls.estimate} data-testid="latency-estimated">
              <span>≈ estimated from the traffic pass.</span>
              {p.onOpen && def.exactOnDemand ? (
                <button
                  type="button"
                  className={buttonClass('secondary', 'sm')}
                  title={def.exactOnDemand}
                  onClick={p.onOpen}
                >
                  Exact percentiles (one more scan)
                </button>
              ) : null}
            </div>
          ) : null}
          {rows.map((a) => (
            <div key={a.accountId} className={ls.account} data-account={a.accountId}>
              <div className={ls.accountHead}>
                <span>{p.accountNames[a.accountId] ?? a.accountId}</span>
                <span className={styles.muted} data-testid="latency-requests">
                  {count(a.requests ?? 0)} requests
                </span>
              </div>
              <div className={ls.figures}>
                <Figure label="p50" value={a.p50} prev={prevOf(a)?.p50} range={a.ranges.p50} />
                <Figure label="p95" value={a.p95} prev={prevOf(a)?.p95} range={a.ranges.p95} />
                <Figure label="p99" value={a.p99} prev={prevOf(a)?.p99} range={a.ranges.p99} />
              </div>
              <div className={ls.secondary}>
                avg {ms(a.avg)} · max {ms(a.max)}
              </div>
            </div>
          ))}
        </div>
      ) : done ? (
        <div className={styles.empty}>No requests match.</div>
      ) : state?.phase === 'cancelled' || state?.phase === 'failed' ? (
        <div className={styles.empty}>{state.phase === 'cancelled' ? 'Cancelled.' : 'No data.'}</div>
      ) : (
        <PanelSkeleton lines={5} />
      )}
    </PanelFrame>
  );
}
