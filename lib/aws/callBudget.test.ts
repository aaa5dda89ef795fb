import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config';
import { CallBudget } from './callBudget';
import type { Priority } from './concurrency';
import { AwsClientFactory } from './clientFactory';
import { PacerPool, type Pacable } from './pacer';

const ACCOUNT = '111111111111';
const OTHER = '222222222222';
const BUDGET = 5;

function factory(): AwsClientFactory {
  return new AwsClientFactory(
    loadConfig({
      AWS_REGION: 'us-east-1',
      TRELLIS_AUTH: 'none',
      TRELLIS_ANONYMOUS_ROLE: 'viewer',
      TRELLIS_ACCOUNT_CONCURRENCY: '8',
      TRELLIS_CALL_BUDGET: String(BUDGET),
    }),
  );
}

/** A command whose per-attempt middleware the test runs itself (the SDK would run it per attempt). */
function fakeCommand(): Pacable & { attempt<T>(send: () => Promise<T>): Promise<T> } {
  const added: Array<<A, R>(next: (a: A) => Promise<R>) => (a: A) => Promise<R>> = [];
  return {
    middlewareStack: { addRelativeTo: (m) => void added.push(m) },
    attempt: (send) => {
      const mw = added[0];
      return mw ? mw(() => send())(undefined) : send();
    },
  };
}

/** Most starts of one account in any window [t, t + 1 s). */
function busiestSecond(starts: readonly number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && (sorted[j] ?? 0) < (sorted[i] ?? 0) + 1000) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

interface Started {
  who: string;
  account: string;
  at: number;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('CallBudget', () => {
  it('admits at most `limit` per second, higher priorities first, FIFO within one', async () => {
    const b = new CallBudget(2);
    const order: string[] = [];
    const take = (who: string, p: Priority) => b.take(p).then(() => void order.push(`${who}@${Date.now()}`));
    const all = [
      take('bg1', 'background'),
      take('bg2', 'background'),
      take('bg3', 'background'),
      take('bg4', 'background'),
      take('user', 'interactive'),
      take('canary', 'critical'),
    ];
    expect(b.use()).toEqual({ inUse: 2, limit: 2, waiting: 4 });
    await vi.advanceTimersByTimeAsync(3000);
    await Promise.all(all);
    expect(order).toEqual(['bg1@0', 'bg2@0', 'canary@1000', 'user@1000', 'bg3@2000', 'bg4@2000']);
    expect(b.use()).toEqual({ inUse: 0, limit: 2, waiting: 0 });
  });

  it('a waiter whose signal aborts rejects with its reason and gives its place up', async () => {
    const b = new CallBudget(1);
    await b.take('background');
    const ctl = new AbortController();
    const gone = b.take('interactive', ctl.signal);
    const next = b.take('background');
    ctl.abort(new Error('user left'));
    await expect(gone).rejects.toThrow('user left');
    expect(b.use().waiting).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(next).resolves.toBeUndefined();
    await expect(b.take('critical', ctl.signal)).rejects.toThrow('user left');
  });

  it('rejects a limit that is not a positive integer', () => {
    expect(() => new CallBudget(0)).toThrow(RangeError);
  });
});

describe('the call budget in the gate, under concurrent users, the canary runner and a refresh', () => {
  it('never lets an account exceed its budget per second, and serves users and the canary first', async () => {
    const gate = factory().gate;
    const pacers = new PacerPool();
    const budgets = gate.budgetsFor('lattice');
    expect(budgets).toBeDefined();
    const started: Started[] = [];
    const call = (who: string, account: string, priority: Priority) => {
      const cmd = fakeCommand();
      const scope = { accountId: account, region: 'us-east-1', operation: who };
      return gate.send(
        scope,
        { priority },
        pacers,
        cmd,
        () =>
          cmd.attempt(async () => {
            started.push({ who, account, at: Date.now() });
            await new Promise((r) => setTimeout(r, 40));
            return who;
          }),
        budgets,
      );
    };
    const calls: Array<Promise<string>> = [];
    // A refresh of two accounts: 60 background calls each, all at once.
    for (let i = 0; i < 60; i++)
      calls.push(call('refresh', ACCOUNT, 'background'), call('refresh', OTHER, 'background'));
    await vi.advanceTimersByTimeAsync(2500);
    // Three users click at t = 2.5 s (4 reads each); the canary runner writes and reads at t = 3 s.
    const usersAt = Date.now();
    for (let u = 0; u < 3; u++) for (let i = 0; i < 4; i++) calls.push(call(`user${u}`, ACCOUNT, 'interactive'));
    await vi.advanceTimersByTimeAsync(500);
    const canaryAt = Date.now();
    for (let i = 0; i < 3; i++) calls.push(call('canary', ACCOUNT, 'critical'));
    await vi.advanceTimersByTimeAsync(100);
    expect(gate.budgetUse(ACCOUNT)).toMatchObject({ limit: BUDGET });
    expect(gate.budgetUse(ACCOUNT).inUse).toBeLessThanOrEqual(BUDGET);
    expect(gate.budgetUse(ACCOUNT).waiting).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(calls);

    for (const account of [ACCOUNT, OTHER]) {
      const starts = started.filter((s) => s.account === account).map((s) => s.at);
      expect(busiestSecond(starts)).toBe(BUDGET);
    }
    const mine = started.filter((s) => s.account === ACCOUNT);
    const lastOf = (p: (s: Started) => boolean) => Math.max(...mine.filter(p).map((s) => s.at));
    const refreshBetween = (from: number, to: number) =>
      mine.filter((s) => s.who === 'refresh' && s.at >= from && s.at <= to).length;
    // Users and the canary are not starved: once they ask, only the refresh calls that already held one of
    // the account's 8 concurrency slots go before them, although 40-odd refresh calls were still queued.
    const usersDone = lastOf((s) => s.who.startsWith('user'));
    const canaryDone = lastOf((s) => s.who === 'canary');
    expect(refreshBetween(usersAt, usersDone)).toBeLessThanOrEqual(8);
    expect(refreshBetween(canaryAt, canaryDone)).toBeLessThanOrEqual(8);
    expect(lastOf((s) => s.who === 'refresh')).toBeGreaterThan(Math.max(usersDone, canaryDone));
    expect(gate.budgetUse(ACCOUNT)).toEqual({ inUse: 0, limit: BUDGET, waiting: 0 });
  });

  it('budgets VPC Lattice only: Logs calls are paced but not counted', () => {
    const gate = factory().gate;
    expect(gate.budgetsFor('logs')).toBeUndefined();
    expect(gate.budgetsFor('lattice')?.limit).toBe(BUDGET);
  });
});
