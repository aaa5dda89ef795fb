/** Integration: the query runner against the emulator's CloudWatch Logs and Insights engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { seedLogGroup } from '../../testing/rawAws';
import { getQuery, runQuery, startQuery, stopQuery } from './runner';

let app: AppHarness;
const now = Date.now();
const group = '/trellis/runner-test';

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'empty' });
  const events = Array.from({ length: 50 }, (_, i) => ({
    timestamp: now - 60_000 + i * 1000,
    message: JSON.stringify({
      responseCode: i % 5 === 0 ? 503 : 200,
      resolvedUser: i % 2 ? 'alice' : 'x" | display secret',
    }),
  }));
  await seedLogGroup(app.h, '222222222222', group, events);
});
afterAll(() => app.close());

describe('runQuery', () => {
  it('runs a typed query in a member account to completion with rows and statistics', async () => {
    const f = app.factory();
    const out = await runQuery(
      {
        accountId: '222222222222',
        logGroupNames: [group],
        startMs: now - 120_000,
        endMs: now,
        query: {
          stats: { aggregations: [{ agg: { fn: 'count' }, as: 'n' }], by: [{ field: 'responseCode' }] },
          sort: [{ field: 'responseCode', order: 'asc' }],
        },
      },
      { pollMs: 20 },
      f,
    );
    expect(out.status).toBe('Complete');
    expect(out.rows).toEqual([
      { responseCode: '200', n: '40' },
      { responseCode: '503', n: '10' },
    ]);
    expect(out.statistics.recordsScanned).toBe(50);
    expect(out.queryText).toContain('stats count(*) as n by responseCode');
  });

  it('matches a hostile value literally', async () => {
    const out = await runQuery(
      {
        accountId: '222222222222',
        logGroupNames: [group],
        startMs: now - 120_000,
        endMs: now,
        query: {
          filter: { op: '=', field: 'resolvedUser', value: 'x" | display secret' },
          stats: { aggregations: [{ agg: { fn: 'count' }, as: 'n' }], by: [] },
        },
      },
      { pollMs: 20 },
      app.factory(),
    );
    expect(out.rows).toEqual([{ n: '25' }]);
  });

  it('stops a query and maps a missing log group to NOT_FOUND', async () => {
    const f = app.factory();
    const { queryId } = await startQuery(
      {
        accountId: '222222222222',
        logGroupNames: [group],
        startMs: now - 120_000,
        endMs: now,
        query: { fields: ['@timestamp'] },
      },
      f,
    );
    await stopQuery({ accountId: '222222222222' }, queryId, f);
    expect(['Cancelled', 'Complete']).toContain((await getQuery({ accountId: '222222222222' }, queryId, f)).status);
    await expect(
      runQuery(
        {
          accountId: '222222222222',
          logGroupNames: ['/nope'],
          startMs: now - 1000,
          endMs: now,
          query: { fields: ['@timestamp'] },
        },
        {},
        f,
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an empty group list and an inverted range before calling AWS', async () => {
    const f = app.factory();
    await expect(
      startQuery(
        { accountId: '222222222222', logGroupNames: [], startMs: 0, endMs: 1, query: { fields: ['@timestamp'] } },
        f,
      ),
    ).rejects.toBeInstanceOf(TrellisError);
    await expect(
      startQuery(
        { accountId: '222222222222', logGroupNames: [group], startMs: 2, endMs: 1, query: { fields: ['@timestamp'] } },
        f,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
