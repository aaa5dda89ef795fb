'use client';
/**
 * The ranked findings: the lead ones as cards, the low-severity rest (when there are many) in one
 * collapsed group "N more low-severity findings", a native disclosure (keyboard: Tab, Enter/Space) whose
 * cards are only rendered once opened.
 */
import { useState } from 'react';
import type { Finding } from '@/lib/triage/types';
import { FindingCard } from './FindingCard';
import { layoutFindings } from './nowView';
import styles from './now.module.css';

interface Props {
  findings: readonly Finding[];
  now: number;
  accountNames: Record<string, string>;
  blockedReason?: string;
  announce: (text: string) => void;
}

/** The list of cards and the collapsed group. */
export function FindingList({ findings, now, accountNames, blockedReason, announce }: Props) {
  const [open, setOpen] = useState(false);
  const { lead, rest, restWords } = layoutFindings(findings);
  const card = (f: Finding) => (
    <li key={f.id}>
      <FindingCard
        finding={f}
        now={now}
        announce={announce}
        {...(accountNames[f.where.accountId] ? { accountName: accountNames[f.where.accountId] } : {})}
        {...(blockedReason ? { blockedReason } : {})}
      />
    </li>
  );
  return (
    <>
      {lead.length > 0 ? (
        <ol className={styles.list} aria-label="Findings, most urgent first">
          {lead.map(card)}
        </ol>
      ) : null}
      {rest.length > 0 ? (
        <details
          className={styles.more}
          data-testid="more-findings"
          open={open}
          onToggle={(e) => setOpen(e.currentTarget.open)}
        >
          <summary className={styles.moreSummary}>
            {rest.length} {lead.length > 0 ? 'more ' : ''}low-severity finding{rest.length === 1 ? '' : 's'}
            <span className={styles.muted}> — {restWords}</span>
          </summary>
          {open ? (
            <ol className={styles.list} aria-label="Low-severity findings">
              {rest.map(card)}
            </ol>
          ) : null}
        </details>
      ) : null}
    </>
  );
}
