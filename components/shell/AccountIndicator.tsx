'use client';

import { use, useEffect, useId, useRef, useState } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import type { AccountBudget } from '@/lib/shell/callBudgets';
import styles from './accounts.module.css';
import { budgetLabel, useCallBudgets } from './useCallBudgets';

/** An account as the browser may see it. */
export interface AccountSummary {
  accountId: string;
  name: string;
  regions: string[];
}

/** The accounts, or why they are not known. */
export type AccountsResult = { ok: true; value: AccountSummary[] } | { ok: false; error: ErrorInfo };

interface Props {
  region: string;
  /** Streamed from the server (own-account mode may need an STS call); suspend until it settles. */
  accounts: Promise<AccountsResult>;
  /** False when the console reads the account of its own credentials. */
  configured: boolean;
}

function label(accounts: AccountsResult): string {
  if (!accounts.ok) return 'Accounts unavailable';
  const n = accounts.value.length;
  return `${n} account${n === 1 ? '' : 's'}`;
}

/**
 * Header button showing how many accounts and which region; opens a list of them (disclosure
 * pattern: aria-expanded, Escape and outside click close it). Render inside <Suspense>.
 */
export function AccountIndicator(props: Props) {
  const accounts = use(props.accounts);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const budgets = useCallBudgets(open);
  const busiest = budgets ? [...budgets.values()].sort((a, b) => b.inUse - a.inUse)[0] : undefined;

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div ref={rootRef} className={styles.root} data-testid="account-indicator">
      <button
        ref={buttonRef}
        type="button"
        className={styles.button}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className={accounts.ok ? styles.count : styles.countError}>{label(accounts)}</span>
        <span className={styles.sep} aria-hidden="true">
          ·
        </span>
        <span className={styles.region}>{props.region}</span>
        <span
          className={styles.budget}
          data-testid="call-budget"
          title="VPC Lattice calls in the last second / call budget per second (busiest account)"
        >
          {busiest ? `${busiest.inUse}/${busiest.limit}/s` : ''}
        </span>
        <span className={styles.caret} aria-hidden="true" />
      </button>
      <section id={panelId} className={styles.panel} hidden={!open} aria-label="Accounts and region">
        <p className={styles.panelHead}>
          Region <strong>{props.region}</strong>
          {props.configured ? ' · accounts from TRELLIS_ACCOUNTS' : ' · the account of the console’s own credentials'}
        </p>
        {accounts.ok ? (
          <ul className={styles.list} data-testid="account-list">
            {accounts.value.map((a) => (
              <li key={a.accountId} className={styles.item}>
                <span className={styles.name}>{a.name}</span>
                <span className={styles.id}>{a.accountId}</span>
                {a.regions.length > 1 || a.regions[0] !== props.region ? (
                  <span className={styles.regions}>{a.regions.join(', ')}</span>
                ) : null}
                <BudgetLine budget={budgets?.get(a.accountId)} />
              </li>
            ))}
          </ul>
        ) : (
          <p className={styles.error}>{accounts.error.message}</p>
        )}
      </section>
    </div>
  );
}

/** One account's VPC Lattice call budget in the list (nothing until it is known). */
function BudgetLine({ budget }: { budget: AccountBudget | undefined }) {
  if (!budget) return null;
  return (
    <span className={styles.budgetItem} data-testid="account-budget">
      VPC Lattice budget {budgetLabel(budget)}
    </span>
  );
}

/** Same box while the accounts load, so the header does not shift. */
export function AccountIndicatorPending({ region }: { region: string }) {
  return (
    <div className={styles.root} aria-busy="true">
      <span className={styles.button} data-pending="true">
        <span className={styles.count}>Accounts…</span>
        <span className={styles.sep} aria-hidden="true">
          ·
        </span>
        <span className={styles.region}>{region}</span>
        <span className={styles.budget} />
        <span className={styles.caret} aria-hidden="true" />
      </span>
    </div>
  );
}
