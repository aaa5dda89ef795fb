/**
 * What one server action did on AWS (calls made, AWS request ids), collected across the async calls
 * of its body with AsyncLocalStorage: lib/aws notes each call, runAction logs the total.
 */
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

/** The AWS side of one action. */
export interface ActionTrace {
  awsCalls: number;
  /** Request ids AWS returned (successes and failures), at most 20. */
  awsRequestIds: string[];
  /**
   * The call budget of each account the action called, as its busiest moment saw it: requests started in
   * the last second / limit per second, and how many waited (`"4/5 (2 waiting)"`).
   */
  awsBudget?: Record<string, string>;
}

/** What `noteBudget` records of one budget. */
export interface BudgetNote {
  inUse: number;
  limit: number;
  waiting: number;
}

// On globalThis: Next bundles route handlers, pages and actions separately, and the one client factory
// (lib/aws/clientFactory) must see what any bundle's action put here.
const storageKey = Symbol.for('trellis.actionTrace');
const storageHolder = globalThis as typeof globalThis & { [storageKey]?: AsyncLocalStorage<ActionTrace> };
storageHolder[storageKey] ??= new AsyncLocalStorage<ActionTrace>();
const storage = storageHolder[storageKey];

/** Runs `fn` with a fresh trace; returns its result and the trace. */
export async function traced<T>(fn: () => Promise<T>): Promise<{ result: T; trace: ActionTrace }> {
  const trace: ActionTrace = { awsCalls: 0, awsRequestIds: [] };
  const result = await storage.run(trace, fn);
  return { result, trace };
}

/** Notes one AWS call of the current action (no-op outside an action). */
export function noteAwsCall(requestId: string | undefined): void {
  const t = storage.getStore();
  if (!t) return;
  t.awsCalls += 1;
  if (requestId && t.awsRequestIds.length < 20) t.awsRequestIds.push(requestId);
}

/** Notes the call budget of an account as one call of the current action saw it (no-op outside an action). */
export function noteBudget(accountId: string, use: BudgetNote): void {
  const t = storage.getStore();
  if (!t) return;
  t.awsBudget ??= {};
  const prior = Number(t.awsBudget[accountId]?.split('/')[0] ?? -1);
  if (use.inUse < prior) return;
  t.awsBudget[accountId] = budgetText(use);
}

/** A budget's use as the log lines write it: `"4/5"`, `"5/5 (2 waiting)"`. */
export function budgetText(use: BudgetNote): string {
  return `${use.inUse}/${use.limit}${use.waiting > 0 ? ` (${use.waiting} waiting)` : ''}`;
}

/** The AWS request id of an SDK output or error, if it has one. */
export function awsRequestIdOf(x: unknown): string | undefined {
  const id = (x as { $metadata?: { requestId?: unknown } } | null | undefined)?.$metadata?.requestId;
  return typeof id === 'string' ? id : undefined;
}
