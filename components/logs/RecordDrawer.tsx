'use client';
/**
 * Every field of one record (all of ARCHITECTURE §3, plus any other the record has), ARNs with the
 * inventory's names, a copy button per value and for the whole record. Escape closes it and gives
 * the focus back to the row that opened it.
 */
import { useEffect, useRef, useState } from 'react';
import { ACCESS_LOG_FIELDS, type AccessLogEntry } from '@/lib/domain/accessLog';
import { copyText } from './clipboard';
import { displayName, utcDateTime } from './format';
import ds from './drawer.module.css';

interface Props {
  entry: AccessLogEntry;
  names: Readonly<Record<string, string>>;
  accountNames: Readonly<Record<string, string>>;
  onClose: () => void;
}

function CopyButton({ text, label, caption = 'Copy' }: { text: string; label: string; caption?: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className={ds.copy}
      aria-label={`Copy ${label}`}
      onClick={() => {
        void copyText(text).then(setDone);
        setTimeout(() => setDone(false), 1200);
      }}
    >
      {done ? 'Copied' : caption}
    </button>
  );
}

/** The detail drawer of a record. */
export function RecordDrawer({ entry, names, accountNames, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const known = new Set<string>(ACCESS_LOG_FIELDS);
  const fields = [
    ...ACCESS_LOG_FIELDS,
    ...Object.keys(entry.record)
      .filter((k) => !known.has(k))
      .sort(),
  ];
  const [account, ...group] = entry.log.split(':');
  const accountText = account ? `${accountNames[account] ?? account} (${account})` : '';
  const json = JSON.stringify(entry.raw !== undefined ? { '@message': entry.raw } : entry.record, null, 2);
  return (
    <aside
      className={ds.drawer}
      role="dialog"
      aria-modal="false"
      aria-labelledby="record-drawer-title"
      data-testid="record-drawer"
    >
      <header className={ds.head}>
        <div>
          <h2 id="record-drawer-title" className={ds.title}>
            {String(entry.record.requestMethod ?? '')} {String(entry.record.requestPath ?? '')} →{' '}
            {String(entry.record.responseCode ?? '')}
          </h2>
          <p className={ds.sub}>
            {utcDateTime(entry.timestamp)} UTC · {accountText} {group.join(':')}
          </p>
        </div>
        <div className={ds.actions}>
          <CopyButton text={json} label="the record as JSON" caption="Copy JSON" />
          <button
            ref={close}
            type="button"
            className={ds.close}
            onClick={onClose}
            aria-label="Close the record details"
          >
            ✕
          </button>
        </div>
      </header>
      <dl className={ds.fields}>
        {entry.raw !== undefined ? (
          <div className={ds.field}>
            <dt>@message</dt>
            <dd className={ds.value}>{entry.raw}</dd>
          </div>
        ) : null}
        {fields.map((f) => {
          const v = entry.record[f];
          const text = v === undefined ? '' : v === null ? 'null' : String(v);
          const name = text && text !== '-' ? displayName(text, names) : text;
          return (
            <div key={f} className={ds.field} data-field={f}>
              <dt>{f}</dt>
              <dd className={ds.value}>
                {v === undefined ? (
                  <span className={ds.missing}>(not in record)</span>
                ) : name !== text ? (
                  <>
                    <span className={ds.name}>{name}</span>
                    <span className={ds.arn}>{text}</span>
                  </>
                ) : (
                  <span className={ds.arn}>{text}</span>
                )}
              </dd>
              <dd className={ds.copyCell}>{v !== undefined ? <CopyButton text={text} label={f} /> : null}</dd>
            </div>
          );
        })}
      </dl>
    </aside>
  );
}
