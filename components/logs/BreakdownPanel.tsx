'use client';
/**
 * A top-N breakdown: the values of one field with counts and shares of all matching requests.
 * Click a value to filter on it, Alt+click (or its ⊘ button) to exclude it. With a previous period,
 * each value shows its change.
 */
import { useMemo, type MouseEvent } from 'react';
import { checkValue } from '@/lib/logs/filters';
import { countOf, delta, formatDelta, formatDeltaShort } from '@/lib/logs/panelResults';
import { count, displayName, share } from './format';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import type { PanelViewProps } from './viewProps';
import bs from './breakdown.module.css';
import styles from './logs.module.css';

const TOP = 10;
const ROW = 24;

/** One breakdown panel. */
export function BreakdownPanel({ def, ctx, ...own }: PanelViewProps<'breakdown'>) {
  const p = { ...ctx, ...own, dim: def.dim };
  const state = p.handle.state;
  const items = useMemo(() => (state ? def.fold(state, TOP) : []), [def, state]);
  const prevState = p.previous?.state;
  const prevItems = useMemo(() => (prevState ? def.fold(prevState, 50) : undefined), [def, prevState]);
  const max = items[0]?.n ?? 1;
  const done = state?.phase === 'done';
  return (
    <PanelFrame
      title={def.title}
      testId={`panel-${def.id}`}
      handle={p.handle}
      previous={p.previous}
      height={TOP * ROW + 16}
      accountNames={p.accountNames}
    >
      {items.length > 0 ? (
        <ol className={bs.list} aria-label={`${def.title} by requests`}>
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
            return (
              <li key={it.value ?? '\u0000'} className={bs.row} data-value={it.value ?? ''} data-count={it.n}>
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
                <span className={bs.share}>{p.total ? share(it.n, p.total) : ''}</span>
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
