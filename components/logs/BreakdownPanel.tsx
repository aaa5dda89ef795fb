'use client';
/**
 * A top-N breakdown: the values of one field with counts and shares of all matching requests, ranked
 * by requests, by rate (the share of the value's own requests that match the filters) or by change
 * against the previous period (lib/logs/ranking; the URL's `rank`). Click a value to filter on it,
 * Alt+click (or its ⊘ button) to exclude it. With a previous period, each value shows its change.
 */
import { useMemo, type MouseEvent } from 'react';
import { checkValue } from '@/lib/logs/filters';
import { countOf, delta, formatDelta, formatDeltaShort } from '@/lib/logs/panelResults';
import { RANK_LABELS, type RankedItem, rankBreakdown } from '@/lib/logs/ranking';
import { count, displayName, share } from './format';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelViewProps } from './viewProps';
import bs from './breakdown.module.css';
import styles from './logs.module.css';

const TOP = 10;
const ROW = 24;
/** Every value the queries returned (they are ranked in the browser). */
const ALL = 10_000;

/** The rank's figure of a value, and its explanation. */
function figureOf(it: RankedItem, rank: string, total: number | undefined): { text: string; title?: string } {
  if (rank === 'rate') {
    if (it.rate === undefined) return { text: '–', title: 'Its requests without the filters are not known' };
    return { text: share(it.n, it.base ?? it.n), title: `${count(it.n)} of its ${count(it.base ?? 0)} requests` };
  }
  if (rank === 'change') {
    const c = it.change ?? 0;
    return {
      text: c === 0 ? '±0' : `${c > 0 ? '+' : '−'}${count(Math.abs(c))}`,
      title: `${count(it.previous ?? 0)} in the previous period`,
    };
  }
  return { text: total ? share(it.n, total) : '' };
}

/** One breakdown panel. */
export function BreakdownPanel({ def, ctx, ...own }: PanelViewProps<'breakdown'>) {
  const p = { ...ctx, ...own, dim: def.dim };
  const state = p.handle.state;
  const prevState = p.previous?.state;
  const prevItems = useMemo(() => (prevState ? def.fold(prevState, ALL) : undefined), [def, prevState]);
  const baseState = p.base?.state;
  const baseItems = useMemo(() => (baseState ? def.fold(baseState, ALL) : undefined), [def, baseState]);
  const items = useMemo(
    () =>
      state ? rankBreakdown(def.fold(state, ALL), p.rank, { base: baseItems, previous: prevItems, top: TOP }) : [],
    [def, state, p.rank, baseItems, prevItems],
  );
  const max = Math.max(1, ...items.map((it) => it.n));
  const done = state?.phase === 'done';
  return (
    <PanelFrame
      title={def.title}
      testId={`panel-${def.id}`}
      handle={p.handle}
      previous={p.previous}
      height={TOP * ROW + 16}
      accountNames={p.accountNames}
      onDemand={p.onOpen && def.onDemand ? { why: def.onDemand, open: p.onOpen } : undefined}
    >
      {items.length > 0 ? (
        <ol className={bs.list} aria-label={`${def.title} by ${RANK_LABELS[p.rank]}`} data-rank={p.rank}>
          {items.map((it) => {
            const text =
              it.value === undefined
                ? '(field missing)'
                : it.value === '-'
                  ? '- (none)'
                  : displayName(it.value, p.names);
            const usable = it.value !== undefined && checkValue(p.dim, it.value).ok;
            const pick = (e: MouseEvent, exclude: boolean) => {
              if (usable && it.value !== undefined) p.onPick(p.dim, it.value, exclude || e.altKey);
            };
            const d = prevItems ? delta(it.n, countOf(prevItems, it.value)) : undefined;
            const fig = figureOf(it, p.rank, p.total);
            return (
              <li
                key={it.value ?? '\u0000'}
                className={bs.row}
                data-value={it.value ?? ''}
                data-count={it.n}
                {...(it.rate !== undefined ? { 'data-rate': it.rate } : {})}
                {...(it.change !== undefined ? { 'data-change': it.change } : {})}
              >
                <span className={bs.bar} style={{ width: `${(it.n / max) * 100}%` }} aria-hidden="true" />
                <button
                  type="button"
                  className={bs.value}
                  disabled={!usable}
                  title={
                    usable
                      ? `${it.value}\nClick to filter on it; Alt+click to exclude it.`
                      : it.value === undefined
                        ? 'Requests without this field'
                        : `${it.value} (cannot be used as a filter)`
                  }
                  onClick={(e) => pick(e, false)}
                >
                  {text}
                </button>
                <span className={bs.count}>{count(it.n)}</span>
                <span className={bs.share} title={fig.title}>
                  {fig.text}
                </span>
                {d ? (
                  <span
                    className={`${bs.delta} ${d.diff > 0 ? styles.up : d.diff < 0 ? styles.down : ''}`}
                    title={`${formatDelta(d)} against the previous period`}
                  >
                    {formatDeltaShort(d)}
                  </span>
                ) : null}
                {usable ? (
                  <button
                    type="button"
                    className={bs.exclude}
                    aria-label={`Exclude ${text}`}
                    title="Exclude this value"
                    onClick={(e) => pick(e, true)}
                  >
                    ⊘
                  </button>
                ) : (
                  <span className={bs.excludeSpace} />
                )}
              </li>
            );
          })}
        </ol>
      ) : done ? (
        <div className={styles.empty}>No requests match.</div>
      ) : state?.phase === 'cancelled' || state?.phase === 'failed' ? (
        <div className={styles.empty}>{state.phase === 'cancelled' ? 'Cancelled.' : 'No data.'}</div>
      ) : (
        <PanelSkeleton lines={7} />
      )}
    </PanelFrame>
  );
}
