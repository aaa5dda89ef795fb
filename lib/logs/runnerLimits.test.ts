/** Integration: the per-user limit on running Logs Insights queries, against the emulator. */
import { CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../testing/appHarness';
import { getQuery, runQuery, startQuery, stopQuery, type QueryRequest } from './runner';

let app: AppHarness;
const now = Date.now();
const group = '/trellis/limit-test';
const req = (user: string): QueryRequest => ({ accountId: '222222222222', user, logGroupNames: [group], startMs: now - 60_000, endMs: now, query: { fields: ['@timestamp'] } });

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'empty' });
  await app.h.logs(await app.h.assume('222222222222')).send(new CreateLogGroupCommand({ logGroupName: group }));
});
afterAll(() => app.close());

describe('per-user query limit', () => {
  it('refuses a third running query of one user, not of another, and frees slots as queries end', async () => {
    const f = app.factory({ TRELLIS_MAX_QUERIES_PER_USER: '2' });
    const a = await startQuery(req('alice@example.com'), f);
    const b = await startQuery(req('alice@example.com'), f);
    await expect(startQuery(req('alice@example.com'), f)).rejects.toMatchObject({ code: 'THROTTLED', message: expect.stringContaining('You have 2 Logs Insights queries running') });
    const c = await startQuery(req('bob@example.com'), f);
    await stopQuery(req('alice@example.com'), a.queryId, f);
    const d = await startQuery(req('alice@example.com'), f);
    // Seeing a query finished frees its slot too.
    for (let i = 0; i < 100 && !['Complete', 'Cancelled', 'Failed', 'Timeout'].includes((await getQuery(req('alice@example.com'), b.queryId, f)).status); i++) await new Promise((r) => setTimeout(r, 20));
    await expect(runQuery(req('alice@example.com'), { pollMs: 20 }, f)).resolves.toMatchObject({ status: 'Complete' });
    await stopQuery(req('bob@example.com'), c.queryId, f);
    await stopQuery(req('alice@example.com'), d.queryId, f);
  });

  it('does not count a query that failed to start', async () => {
    const f = app.factory({ TRELLIS_MAX_QUERIES_PER_USER: '1' });
    await expect(startQuery({ ...req('carol@example.com'), logGroupNames: ['/nope'] }, f)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const q = await startQuery(req('carol@example.com'), f);
    await stopQuery(req('carol@example.com'), q.queryId, f);
  });
});
