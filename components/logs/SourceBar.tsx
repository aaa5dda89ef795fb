'use client';
/** Which log groups are queried and why; a picker to choose others by hand (kept in the URL as `source`). */
import { useEffect, useState } from 'react';
import type { LogsContext } from '@/lib/logs/context';
import { Button, buttonClass } from '../ui/Button';
import styles from './logs.module.css';
import { noteClass } from '../ui/Note';

interface Props {
  context: LogsContext;
  /** Groups picked by hand (URL `source`), empty for the automatic choice. */
  picked: readonly string[];
  onPick: (arns: string[]) => void;
}

/** The sources line and its picker. */
export function SourceBar({ context, picked, onPick }: Props) {
  const [open, setOpen] = useState(false);
  const selected = context.selection.sources.map((g) => g.arn);
  const [checked, setChecked] = useState<string[]>(selected);
  useEffect(() => setChecked(context.selection.sources.map((g) => g.arn)), [context]);
  const accounts = [...new Set(context.selection.sources.map((g) => g.accountId))];
  return (
    <>
      <div className={styles.sourceBar} data-testid="sources">
        <span>
          <strong>Sources:</strong> {context.selection.reason}
        </span>
        {context.selection.sources.length > 0 ? (
          <span title={context.selection.sources.map((g) => `${g.accountId} ${g.name}`).join('\n')}>
            {context.selection.sources.length} log group{context.selection.sources.length > 1 ? 's' : ''} in{' '}
            {accounts.map((a) => context.accounts[a] ?? a).join(', ')}
          </span>
        ) : null}
        <button
          type="button"
          className={buttonClass('link')}
          aria-expanded={open}
          aria-controls="logs-source-picker"
          onClick={() => setOpen(!open)}
        >
          {open ? 'Close' : 'Choose log groups'}
        </button>
        {picked.length > 0 ? (
          <button type="button" className={buttonClass('link')} onClick={() => onPick([])}>
            Use the automatic choice
          </button>
        ) : null}
      </div>
      {context.selection.unknown.length > 0 ? (
        <div className={noteClass('warn', styles.notice)} role="note">
          Not in the inventory, ignored: {context.selection.unknown.join(', ')}
        </div>
      ) : null}
      {open ? (
        <fieldset id="logs-source-picker" className={styles.sourcePicker}>
          <legend>Access-log groups of the inventory</legend>
          <ul className={styles.sourceList}>
            {context.sources.map((g) => (
              <li key={g.arn}>
                <label>
                  <input
                    type="checkbox"
                    checked={checked.includes(g.arn)}
                    onChange={(e) =>
                      setChecked(e.target.checked ? [...checked, g.arn] : checked.filter((a) => a !== g.arn))
                    }
                  />{' '}
                  <span className={styles.mono}>{g.name}</span>{' '}
                  <span className={styles.muted}>
                    · {context.accounts[g.accountId] ?? g.accountId} · logs {g.logs.map((l) => l.name).join(', ')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className={styles.group}>
            <Button
              className={styles.small}
              disabled={checked.length === 0}
              onClick={() => {
                setOpen(false);
                onPick(checked);
              }}
            >
              Query these {checked.length}
            </Button>
            <Button variant="secondary" className={styles.small} onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
