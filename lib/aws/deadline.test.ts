import { describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { withDeadline } from './deadline';

describe('withDeadline', () => {
  it('returns the result of work that finishes', async () => {
    expect(await withDeadline(1_000, async () => 42, 'quick work')).toBe(42);
  });

  it('aborts the signal and rejects with TIMEOUT when work outlives the deadline', async () => {
    let seen: AbortSignal | undefined;
    const p = withDeadline(
      20,
      (signal) => {
        seen = signal;
        return new Promise<never>(() => {}); // ignores the signal on purpose
      },
      'ListServices in payments',
    );
    const e = await p.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TrellisError);
    expect(e).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect((e as Error).message).toMatch(/^ListServices in payments did not finish within 20 ms/);
    expect(seen?.aborted).toBe(true);
  });

  it('stops early when the parent signal aborts', async () => {
    const parent = new AbortController();
    const p = withDeadline(60_000, () => new Promise<never>(() => {}), 'work', parent.signal);
    parent.abort(new Error('client went away'));
    await expect(p).rejects.toThrow('client went away');
  });

  it('passes the work error through', async () => {
    await expect(withDeadline(1_000, () => Promise.reject(new Error('nope')), 'work')).rejects.toThrow('nope');
  });
});
