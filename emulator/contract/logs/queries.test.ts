/** Contract tests: StartQuery / GetQueryResults / StopQuery with the real client and the Insights engine. */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  GetQueryResultsCommand,
  InvalidParameterException,
  LimitExceededException,
  MalformedQueryException,
  ResourceNotFoundException,
  StartQueryCommand,
  StopQueryCommand,
  type GetQueryResultsCommandOutput,
  type StartQueryCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONCURRENT_QUERIES } from '../../logs/queries/book';
import { startHarness, type Harness } from '../harness';
import { caught, manualClock, put, T0 } from './helpers';

const S0 = T0 / 1000;
let h: Harness;
const records: Array<{ timestamp: number; code: number; message: string }> = [];

beforeAll(async () => {
  h = await startHarness({ clock: manualClock() });
  const c = h.logs();
  await c.send(new CreateLogGroupCommand({ logGroupName: 'q1' }));
  await c.send(new CreateLogGroupCommand({ logGroupName: 'q2' }));
  for (const g of ['q1', 'q2']) await c.send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 's' }));
  for (let k = 0; k < 120; k++) {
    const code = [200, 403, 503, 200][k % 4] as number;
    records.push({ timestamp: T0 - 120_000 + k * 1000, code, message: JSON.stringify({ responseCode: code, k }) });
  }
  await put(
    c,
    'q1',
    's',
    records.slice(0, 60).map(({ timestamp, message }) => ({ timestamp, message })),
  );
  await put(
    c,
    'q2',
    's',
    records.slice(60).map(({ timestamp, message }) => ({ timestamp, message })),
  );
});
afterAll(() => h.close());

/** Polls GetQueryResults until the query has ended. */
async function finished(queryId: string): Promise<GetQueryResultsCommandOutput> {
  for (let i = 0; i < 2000; i++) {
    const out = await h.logs().send(new GetQueryResultsCommand({ queryId }));
    if (out.status !== 'Scheduled' && out.status !== 'Running') return out;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('query did not finish');
}

async function run(
  input: Partial<StartQueryCommandInput>,
): Promise<GetQueryResultsCommandOutput & { queryId: string }> {
  const { queryId } = await h.logs().send(
    new StartQueryCommand({
      logGroupNames: ['q1', 'q2'],
      startTime: S0 - 3600,
      endTime: S0,
      queryString: 'fields @timestamp',
      ...input,
    } as StartQueryCommandInput),
  );
  return { ...(await finished(queryId!)), queryId: queryId! };
}

const rows = (out: GetQueryResultsCommandOutput) =>
  (out.results ?? []).map((r) => Object.fromEntries(r.map((f) => [f.field, f.value])));

describe('StartQuery → GetQueryResults', () => {
  it('runs a stats query over several groups to Complete with statistics', async () => {
    const out = await run({ queryString: 'stats count(*) as n by responseCode | sort responseCode asc' });
    expect(out.status).toBe('Complete');
    expect(out.queryLanguage).toBe('CWLI');
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
    expect(rows(out)).toEqual(
      [...counts].sort((a, b) => a[0] - b[0]).map(([code, n]) => ({ responseCode: String(code), n: String(n) })),
    );
    expect(out.statistics).toEqual({
      recordsMatched: 120,
      recordsScanned: 120,
      bytesScanned: records.reduce((n, r) => n + Buffer.byteLength(r.message), 0),
      estimatedRecordsSkipped: 0,
      estimatedBytesSkipped: 0,
      logGroupsScanned: 2,
    });
  });

  it('takes times in epoch seconds, both ends inclusive', async () => {
    const from = S0 - 100;
    const to = S0 - 91;
    const out = await run({
      logGroupNames: undefined,
      logGroupName: 'q1',
      startTime: from,
      endTime: to,
      queryString: 'fields k | sort @timestamp asc',
    });
    const want = records.slice(0, 60).filter((r) => r.timestamp >= from * 1000 && r.timestamp < (to + 1) * 1000);
    expect(want).toHaveLength(10);
    expect(rows(out).map((r) => r.k)).toEqual(want.map((r) => String((JSON.parse(r.message) as { k: number }).k)));
    expect(out.statistics?.recordsScanned).toBe(10);
  });

  it('accepts log group ARNs in logGroupIdentifiers and pages results with maxItems', async () => {
    const out = await run({
      logGroupNames: undefined,
      logGroupIdentifiers: ['arn:aws:logs:us-east-1:111111111111:log-group:q1', 'q2'],
      queryString: 'fields k | filter responseCode = 403 | sort k asc',
    });
    expect(rows(out).map((r) => r.k)).toEqual(
      records.filter((r) => r.code === 403).map((r) => String((JSON.parse(r.message) as { k: number }).k)),
    );
    const c = h.logs();
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const p: GetQueryResultsCommandOutput = await c.send(
        new GetQueryResultsCommand({ queryId: out.queryId, maxItems: 12, nextToken }),
      );
      seen.push(...rows(p).map((r) => r.k ?? ''));
      nextToken = p.nextToken;
      pages++;
    } while (nextToken);
    expect(seen).toEqual(rows(out).map((r) => r.k));
    expect(pages).toBe(3);
  });

  it('answers MalformedQueryException with the location of the error', async () => {
    const queryString = 'fields @timestamp | filter ((';
    const e = await caught(
      h.logs().send(new StartQueryCommand({ logGroupName: 'q1', startTime: S0 - 60, endTime: S0, queryString })),
    );
    expect(e).toBeInstanceOf(MalformedQueryException);
    const err = (e as MalformedQueryException).queryCompileError;
    expect(err?.message).toBe(e.message);
    expect(err?.location?.startCharOffset).toBeGreaterThanOrEqual(0);
    expect(err?.location?.startCharOffset).toBeLessThanOrEqual(queryString.length);
    expect(err?.location?.endCharOffset).toBeGreaterThanOrEqual(err?.location?.startCharOffset ?? 0);
  });

  it('refuses bad input: group selection, unknown or foreign groups, limits, time order, other languages', async () => {
    const c = h.logs();
    const start = (input: Partial<StartQueryCommandInput>) =>
      caught(
        c.send(
          new StartQueryCommand({
            startTime: S0 - 60,
            endTime: S0,
            queryString: 'fields @message',
            ...input,
          } as StartQueryCommandInput),
        ),
      );
    expect(await start({})).toBeInstanceOf(InvalidParameterException);
    expect(await start({ logGroupName: 'q1', logGroupNames: ['q2'] })).toBeInstanceOf(InvalidParameterException);
    expect(await start({ logGroupNames: ['q1', 'missing'] })).toBeInstanceOf(ResourceNotFoundException);
    expect(await start({ logGroupIdentifiers: ['arn:aws:logs:us-east-1:222222222222:log-group:q1'] })).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(await start({ logGroupName: 'q1', limit: 10_001 })).toBeInstanceOf(InvalidParameterException);
    expect(await start({ logGroupName: 'q1', limit: 0 })).toBeInstanceOf(InvalidParameterException);
    expect(await start({ logGroupName: 'q1', startTime: S0, endTime: S0 - 1 })).toBeInstanceOf(
      InvalidParameterException,
    );
    expect(await start({ logGroupName: 'q1', queryLanguage: 'SQL' })).toBeInstanceOf(InvalidParameterException);
    expect(await caught(c.send(new GetQueryResultsCommand({ queryId: 'no-such-query' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('honours the limit parameter as the default row count', async () => {
    const out = await run({ queryString: 'fields k | sort k desc', limit: 7 });
    expect(rows(out).map((r) => r.k)).toEqual(['119', '118', '117', '116', '115', '114', '113']);
  });
});

describe('StopQuery and concurrency', () => {
  it('reports a held query as Scheduled, cancels it, and refuses to stop it twice', async () => {
    const c = h.logs();
    const book = h.emu.state.logs.queries;
    book.hold();
    try {
      const { queryId } = await c.send(
        new StartQueryCommand({ logGroupName: 'q1', startTime: S0 - 3600, endTime: S0, queryString: 'stats count(*)' }),
      );
      const before = await c.send(new GetQueryResultsCommand({ queryId }));
      expect(before.status).toBe('Scheduled');
      expect(before.results).toEqual([]);
      expect(before.statistics).toMatchObject({ recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 });
      expect((await c.send(new StopQueryCommand({ queryId }))).success).toBe(true);
      expect((await c.send(new GetQueryResultsCommand({ queryId }))).status).toBe('Cancelled');
      expect(await caught(c.send(new StopQueryCommand({ queryId })))).toBeInstanceOf(InvalidParameterException);
      expect(await caught(h.logs(h.creds(1)).send(new StopQueryCommand({ queryId })))).toBeInstanceOf(
        ResourceNotFoundException,
      );
    } finally {
      book.release();
    }
  });

  it('refuses a query past the concurrency limit of the account, not of other accounts', async () => {
    const c = h.logs();
    const book = h.emu.state.logs.queries;
    book.hold();
    const ids: string[] = [];
    try {
      for (let k = 0; k < MAX_CONCURRENT_QUERIES; k++) {
        ids.push(
          (
            await c.send(
              new StartQueryCommand({
                logGroupName: 'q1',
                startTime: S0 - 3600,
                endTime: S0,
                queryString: 'stats count(*)',
              }),
            )
          ).queryId!,
        );
      }
      const e = await caught(
        c.send(
          new StartQueryCommand({
            logGroupName: 'q1',
            startTime: S0 - 3600,
            endTime: S0,
            queryString: 'stats count(*)',
          }),
        ),
      );
      expect(e).toBeInstanceOf(LimitExceededException);
      expect(e.message).toContain(`concurrency limit of [${MAX_CONCURRENT_QUERIES}]`);
      await h.logs(h.creds(1)).send(new CreateLogGroupCommand({ logGroupName: 'pay' }));
      await h.logs(h.creds(1)).send(
        new StartQueryCommand({
          logGroupName: 'pay',
          startTime: S0 - 3600,
          endTime: S0,
          queryString: 'stats count(*)',
        }),
      );
    } finally {
      book.release();
    }
    const last = await finished(ids[ids.length - 1]!);
    expect(last.status).toBe('Complete');
    expect(rows(last)).toEqual([{ 'count(*)': '60' }]);
  });
});
