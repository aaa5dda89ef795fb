/** Integration: the per-user limit on running Logs Insights queries, against the emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { seedLogGroup } from '../../testing/rawAws';
import { runQuery, startQuery, stopQuery, type QueryRequest } from './runner';

let app: AppHarness;
const now = Date.now();
const group = '/trellis/limit-test';
const req = (user: string, accountId = '222222222222'): QueryRequest => ({
  accountId,
  user,
  logGroupNames: [group],
  startMs: now - 60_000,
  endMs: now,
  query: { fields: ['@timestamp'] },
});

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'empty' });
  for (const account of ['222222222222', '333333333333']) await seedLogGroup(app.h, account, group);
});
afterAll(() => app.close());

describe('per-user query limit', () => {
  it('refuses a query past the limit in one account, saying what to do; not in others or for other users', async () => {
    const f = app.factory({ TRELLIS_MAX_QUERIES_PER_USER: '2' });
    const book = app.h.emu.state.logs.queries;
    book.hold(); // queries stay running
    try {
      const a = await startQuery(req('alice@example.com'), f);
      await startQuery(req('alice@example.com'), f);
      await expect(startQuery(req('alice@example.com'), f)).rejects.toMatchObject({
        code: 'THROTTLED',
        retryable: true,
        message:
          'You have 2 Logs Insights queries running in payments (222222222222), us-east-1; ' +
          'wait for one to finish or cancel it (at most 2 per user and account, TRELLIS_MAX_QUERIES_PER_USER).',
      });
      await startQuery(req('alice@example.com', '333333333333'), f);
      await startQuery(req('bob@example.com'), f);
      // Cancelling one frees its slot.
      await stopQuery(req('alice@example.com'), a.queryId, f);
      await startQuery(req('alice@example.com'), f);
    } finally {
      book.release();
    }
  });

  it('frees slots of finished queries nobody polls any more when the user reaches the limit', async () => {
    const f = app.factory({ TRELLIS_MAX_QUERIES_PER_USER: '2' });
    const a = await startQuery(req('bob@example.com'), f);
    await startQuery(req('bob@example.com'), f);
    // Both finished in the emulator but were never polled: the third start re-checks them and proceeds.
    const c = await startQuery(req('bob@example.com'), f);
    expect(c.queryId).not.toBe(a.queryId);
    await expect(runQuery(req('bob@example.com'), { pollMs: 20 }, f)).resolves.toMatchObject({ status: 'Complete' });
  });

  it('does not count a query that failed to start', async () => {
    const f = app.factory({ TRELLIS_MAX_QUERIES_PER_USER: '1' });
    await expect(startQuery({ ...req('carol@example.com'), logGroupNames: ['/nope'] }, f)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const q = await startQuery(req('carol@example.com'), f);
    await stopQuery(req('carol@example.com'), q.queryId, f);
  });
});
