'use client';
/** The records panel: the newest matching records, their details, and export (CSV / JSON lines). */
import { useCallback, useRef, useState } from 'react';
import type { AccessLogEntry } from '@/lib/domain/accessLog';
import { exportFileName, toCsv, toJsonLines } from '@/lib/logs/export';
import type { PanelOf } from '@/lib/logs/panelTable';
import type { PanelState } from '@/lib/logs/panelTypes';
import { RECORD_ROWS } from '@/lib/logs/panelQueries';
import { download } from './clipboard';
import { count } from './format';
import { PanelFrame, PanelSkeleton } from './PanelFrame';
import { RecordDrawer } from './RecordDrawer';
import { RecordTable } from './RecordTable';
import type { PanelViewProps } from './viewProps';
import styles from './logs.module.css';
import { buttonClass } from '../ui/Button';

const HEIGHT = 392;

/**
 * The records of the panel, folded again only when rows arrive (each poll renews the state, not the
 * rows): the fold is kept in state with the key of the rows it was made from.
 */
function useRecords(def: PanelOf<'records'>, state: PanelState | undefined): AccessLogEntry[] {
  const key = state?.runs.map((r) => `${r.queryId}:${r.rows?.length ?? -1}`).join('|') ?? '';
  const fold = () => (state ? def.fold(state) : []);
  const [folded, setFolded] = useState(() => ({ key, entries: fold() }));
  if (folded.key === key) return folded.entries;
  const next = { key, entries: fold() };
  setFolded(next);
  return next.entries;
}

/** Newest records, with details and export. */
export function RecordsPanel({ def, ctx, ...own }: PanelViewProps<'records'>) {
  const p = { ...ctx, ...own };
  const state = p.handle.state;
  const entries = useRecords(def, state);
  const [selection, setSelection] = useState<{ entries: AccessLogEntry[]; index: number } | undefined>(undefined);
  const opener = useRef<HTMLElement | null>(null);
  // New results: the index would point at another record, so a selection holds only for its results.
  const selected = selection?.entries === entries ? selection.index : undefined;
  const done = state?.phase === 'done';
  const open = useCallback(
    (i: number, el: HTMLElement) => {
      opener.current = el;
      setSelection({ entries, index: i });
    },
    [entries],
  );
  const close = useCallback(() => {
    setSelection(undefined);
    opener.current?.focus();
  }, []);
  const save = (kind: 'csv' | 'jsonl') => {
    if (!p.window) return;
    download(
      kind === 'csv' ? toCsv(entries) : toJsonLines(entries),
      exportFileName(p.window.startMs, p.window.endMs, kind),
      kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/x-ndjson',
    );
  };
  const entry = selected !== undefined ? entries[selected] : undefined;
  // The records query only the newest bins that hold RECORD_ROWS matching records (the histogram's counts).
  const since = p.handle.window && p.window && p.handle.window.startMs > p.window.startMs ? p.handle.window : undefined;
  const title = done
    ? `${def.title} (${entries.length === RECORD_ROWS ? `newest ${count(RECORD_ROWS)}` : count(entries.length)}${
        since ? `, queried since ${new Date(since.startMs).toISOString().slice(11, 19)} UTC` : ''
      })`
    : def.title;
  return (
    <PanelFrame
      title={title}
      testId={`panel-${def.id}`}
      handle={p.handle}
      height={HEIGHT}
      accountNames={p.accountNames}
      {...(p.className ? { className: p.className } : {})}
      actions={
        <>
          <button
            type="button"
            className={buttonClass('quiet', 'xs')}
            disabled={entries.length === 0}
            onClick={() => save('csv')}
          >
            Export CSV
          </button>
          <button
            type="button"
            className={buttonClass('quiet', 'xs')}
            disabled={entries.length === 0}
            onClick={() => save('jsonl')}
          >
            Export JSON lines
          </button>
        </>
      }
    >
      {entries.length > 0 ? (
        <RecordTable entries={entries} names={p.names} height={HEIGHT - 16} selected={selected} onOpen={open} />
      ) : done ? (
        <div className={styles.empty}>No records match in this window.</div>
      ) : state?.phase === 'cancelled' || state?.phase === 'failed' ? (
        <div className={styles.empty}>{state.phase === 'cancelled' ? 'Cancelled.' : 'No data.'}</div>
      ) : (
        <PanelSkeleton lines={12} />
      )}
      {entry ? <RecordDrawer entry={entry} names={p.names} accountNames={p.accountNames} onClose={close} /> : null}
    </PanelFrame>
  );
}
