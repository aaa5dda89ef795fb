'use client';
/**
 * Latency of the matching requests (`duration`, ms): p50, p95, p99, average and maximum per account
 * (percentiles of different accounts cannot be combined exactly, so each account keeps its own).
 */
import { useMemo } from 'react';
import { delta, formatDelta, type LatencyFigures } from '@/lib/logs/panelResults';
import { count } from './format';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelViewProps } from './viewProps';
import ls from './latency.module.css';
import styles from './logs.module.css';

function ms(v: number | undefined): string {
  if (v === undefined) return '–';
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v * 10) / 10} ms`;
}

function Figure({ label, value, prev }: { label: string; value: number | undefined; prev: number | undefined }) {
  const d = value !== undefined && prev !== undefined ? delta(value, prev) : undefined;
  return (
    <div className={ls.figure} data-figure={label}>
      <div className={ls.figureLabel}>{label}</div>
      <div className={ls.figureValue}>{ms(value)}</div>
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
  const rows = useMemo(() => (state ? def.fold(state) : []), [def, state]);
  const prevState = p.previous?.state;
  const prev = useMemo(() => (prevState ? def.fold(prevState) : undefined), [def, prevState]);
  const prevOf = (a: LatencyFigures) => prev?.find((x) => x.accountId === a.accountId);
  const done = state?.phase === 'done';
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
          {rows.map((a) => (
            <div key={a.accountId} className={ls.account} data-account={a.accountId}>
              <div className={ls.accountHead}>
                <span>{p.accountNames[a.accountId] ?? a.accountId}</span>
                <span className={styles.muted} data-testid="latency-requests">
                  {count(a.requests ?? 0)} requests
                </span>
              </div>
              <div className={ls.figures}>
                <Figure label="p50" value={a.p50} prev={prevOf(a)?.p50} />
                <Figure label="p95" value={a.p95} prev={prevOf(a)?.p95} />
                <Figure label="p99" value={a.p99} prev={prevOf(a)?.p99} />
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
