// biome-ignore-all lint/a11y/useSemanticElements: virtualised rows are placed absolutely, which <table> cannot do.
// biome-ignore-all lint/a11y/useFocusableInteractive: a table, not a grid: data rows take focus, headers need none.
'use client';
/**
 * The records, newest first, in a virtualised table (only the visible rows are in the DOM, so a
 * thousand records scroll smoothly). Enter or a click on a row opens its details.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { fieldText, statusClass, type AccessLogEntry } from '@/lib/domain/accessLog';
import { displayName, utcTime } from './format';
import { CLASS_COLOURS } from './HistogramChart';
import ts from './table.module.css';

const ROW = 28;

/** Columns: header, width, and the text of a record. */
const COLUMNS: Array<{
  label: string;
  width: string;
  text: (e: AccessLogEntry, names: Readonly<Record<string, string>>) => string;
  mono?: boolean;
}> = [
  { label: 'Time (UTC)', width: '92px', text: (e) => utcTime(e.timestamp, true), mono: true },
  { label: 'Method', width: '64px', text: (e) => fieldText(e, 'requestMethod') },
  {
    label: 'Path',
    width: 'minmax(120px, 1.4fr)',
    text: (e) => fieldText(e, 'requestPath') || (e.raw ?? ''),
    mono: true,
  },
  { label: 'Code', width: '48px', text: (e) => fieldText(e, 'responseCode') },
  {
    label: 'Duration',
    width: '68px',
    text: (e) => (typeof e.record.duration === 'number' ? `${e.record.duration} ms` : fieldText(e, 'duration')),
  },
  { label: 'Resolved user', width: 'minmax(100px, 1fr)', text: (e, n) => displayName(fieldText(e, 'resolvedUser'), n) },
  { label: 'Auth denied', width: '88px', text: (e) => fieldText(e, 'authDeniedReason') },
  {
    label: 'Target group',
    width: 'minmax(100px, 1fr)',
    text: (e, n) => displayName(fieldText(e, 'targetGroupArn'), n),
  },
  { label: 'Source VPC', width: '156px', text: (e) => fieldText(e, 'sourceVpcId'), mono: true },
];
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

interface Props {
  entries: readonly AccessLogEntry[];
  names: Readonly<Record<string, string>>;
  height: number;
  selected: number | undefined;
  onOpen: (index: number, opener: HTMLElement) => void;
}

/** The virtualised record table. */
export const RecordTable = memo(function RecordTable(p: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: p.entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 12,
  });
  return (
    <div
      className={ts.table}
      role="table"
      aria-label="Access-log records, newest first"
      aria-rowcount={p.entries.length + 1}
      data-testid="record-table"
    >
      <div className={ts.head} role="row" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((c) => (
          <span key={c.label} role="columnheader" className={ts.cell}>
            {c.label}
          </span>
        ))}
      </div>
      <div ref={scroller} className={ts.scroller} style={{ height: p.height - ROW }}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }} role="rowgroup">
          {v.getVirtualItems().map((item) => {
            const e = p.entries[item.index]!;
            const code = e.record.responseCode;
            return (
              <div
                key={item.key}
                role="row"
                tabIndex={0}
                aria-rowindex={item.index + 2}
                aria-selected={p.selected === item.index}
                data-testid="record-row"
                className={ts.row}
                style={{ gridTemplateColumns: TEMPLATE, transform: `translateY(${item.start}px)`, height: ROW }}
                onClick={(ev) => p.onOpen(item.index, ev.currentTarget)}
                onKeyDown={(ev) => {
                  if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    p.onOpen(item.index, ev.currentTarget);
                  } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
                    ev.preventDefault();
                    const next =
                      ev.key === 'ArrowDown'
                        ? (ev.currentTarget.nextElementSibling as HTMLElement | null)
                        : (ev.currentTarget.previousElementSibling as HTMLElement | null);
                    next?.focus();
                  }
                }}
              >
                {COLUMNS.map((c, i) => {
                  const text = c.text(e, p.names);
                  return (
                    <span
                      key={c.label}
                      role="cell"
                      className={`${ts.cell} ${c.mono ? ts.mono : ''}`}
                      title={text}
                      style={
                        i === 3
                          ? {
                              color:
                                CLASS_COLOURS[
                                  statusClass(typeof code === 'number' || typeof code === 'string' ? code : undefined)
                                ],
                              fontWeight: 600,
                            }
                          : undefined
                      }
                    >
                      {text}
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
