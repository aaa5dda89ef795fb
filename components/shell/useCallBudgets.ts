'use client';

import { useEffect, useState } from 'react';
import { loadCallBudgets } from '@/lib/actions/shell';
import type { AccountBudget } from '@/lib/shell/callBudgets';

/** How often the open indicator re-reads the budgets (ms). */
const OPEN_POLL_MS = 2000;

/**
 * The call budget per account: read once when the indicator mounts and every 2 s while it is open
 * (each read is one server action, no AWS call). Undefined until the first read; a failed read keeps
 * the last figures.
 */
export function useCallBudgets(open: boolean): Map<string, AccountBudget> | undefined {
  const [budgets, setBudgets] = useState<Map<string, AccountBudget>>();
  useEffect(() => {
    let live = true;
    const read = () =>
      loadCallBudgets().then(
        (r) => {
          if (live && r.ok) setBudgets(new Map(r.value.map((b) => [b.accountId, b])));
        },
        () => undefined,
      );
    void read();
    const timer = open ? setInterval(read, OPEN_POLL_MS) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [open]);
  return budgets;
}

/** "3/5 calls/s" (with the waiting count when requests queue). */
export function budgetLabel(b: AccountBudget): string {
  return `${b.inUse}/${b.limit} calls/s${b.waiting > 0 ? ` · ${b.waiting} waiting` : ''}`;
}
