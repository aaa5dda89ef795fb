/** Contract tests: streams, PutLogEvents and GetLogEvents with the real CloudWatch Logs client. */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
  InvalidParameterException,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  paginateDescribeLogStreams,
  paginateGetLogEvents,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/clock';
import { startHarness, type Harness } from '../harness';
import { caught, manualClock, put, T0 } from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let h: Harness;
let clock: ManualClock;
beforeAll(async () => {
  clock = manualClock();
  h = await startHarness({ clock });
  await h.logs().send(new CreateLogGroupCommand({ logGroupName: 'ev' }));
});
afterAll(() => h.close());

describe('streams', () => {
  it('creates streams, refuses duplicates and missing groups', async () => {
    const c = h.logs();
    await c.send(new CreateLogStreamCommand({ logGroupName: 'ev', logStreamName: 'a' }));
    expect(await caught(c.send(new CreateLogStreamCommand({ logGroupName: 'ev', logStreamName: 'a' })))).toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    expect(
      await caught(c.send(new CreateLogStreamCommand({ logGroupName: 'nope', logStreamName: 'a' }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    expect(
      await caught(c.send(new CreateLogStreamCommand({ logGroupName: 'ev', logStreamName: 'bad:name' }))),
    ).toBeInstanceOf(InvalidParameterException);
  });

  it('describes streams by name or last event time, both directions, paging every stream once', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'st' }));
    const names = ['s-c', 's-a', 's-e', 's-b', 's-d'];
    for (const [k, n] of names.entries()) {
      await c.send(new CreateLogStreamCommand({ logGroupName: 'st', logStreamName: n }));
      await put(c, 'st', n, [{ timestamp: T0 - (k + 1) * 1000, message: `m${k}` }]);
    }
    const all = async (input: Record<string, unknown>) => {
      const out: string[] = [];
      for await (const p of paginateDescribeLogStreams({ client: c, pageSize: 2 }, { logGroupName: 'st', ...input }))
        out.push(...(p.logStreams ?? []).map((s) => s.logStreamName ?? ''));
      return out;
    };
    expect(await all({})).toEqual(['s-a', 's-b', 's-c', 's-d', 's-e']);
    expect(await all({ descending: true })).toEqual(['s-e', 's-d', 's-c', 's-b', 's-a']);
    expect(await all({ orderBy: 'LastEventTime' })).toEqual(['s-d', 's-b', 's-e', 's-a', 's-c']);
    expect(await all({ orderBy: 'LastEventTime', descending: true })).toEqual(['s-c', 's-a', 's-e', 's-b', 's-d']);
    expect(await all({ logStreamNamePrefix: 's-b' })).toEqual(['s-b']);
    const one = await c.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: 'arn:aws:logs:us-east-1:111111111111:log-group:st',
        logStreamNamePrefix: 's-a',
      }),
    );
    expect(one.logStreams?.[0]).toMatchObject({
      logStreamName: 's-a',
      creationTime: T0,
      firstEventTimestamp: T0 - 2000,
      lastEventTimestamp: T0 - 2000,
      lastIngestionTime: T0,
      arn: 'arn:aws:logs:us-east-1:111111111111:log-group:st:log-stream:s-a',
      storedBytes: 0,
    });
    expect(
      await caught(
        c.send(
          new DescribeLogStreamsCommand({ logGroupName: 'st', orderBy: 'LastEventTime', logStreamNamePrefix: 's' }),
        ),
      ),
    ).toBeInstanceOf(InvalidParameterException);
    expect(
      await caught(c.send(new DescribeLogStreamsCommand({ logGroupName: 'st', logGroupIdentifier: 'st' }))),
    ).toBeInstanceOf(InvalidParameterException);
    expect(
      await caught(c.send(new DescribeLogStreamsCommand({ logGroupName: 'st', nextToken: 'forged.token' }))),
    ).toBeInstanceOf(InvalidParameterException);
    expect(
      await caught(
        c.send(
          new DescribeLogStreamsCommand({ logGroupIdentifier: 'arn:aws:logs:us-east-1:222222222222:log-group:st' }),
        ),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('PutLogEvents', () => {
  it('stores events, updates storedBytes, reports too old, expired and too new events without failing', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'put' }));
    await c.send(new CreateLogStreamCommand({ logGroupName: 'put', logStreamName: 's' }));
    const ok = await c.send(
      new PutLogEventsCommand({
        logGroupName: 'put',
        logStreamName: 's',
        logEvents: [{ timestamp: T0, message: 'héllo' }],
      }),
    );
    expect(ok.nextSequenceToken).toMatch(/^\d+$/);
    expect(ok.rejectedLogEventsInfo).toBeUndefined();
    const bytes = async () =>
      (await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'put' }))).logGroups?.[0]?.storedBytes;
    expect(await bytes()).toBe(6);
    await c.send(new PutRetentionPolicyCommand({ logGroupName: 'put', retentionInDays: 1 }));
    const out = await c.send(
      new PutLogEventsCommand({
        logGroupName: 'put',
        logStreamName: 's',
        logEvents: [
          { timestamp: T0 - 15 * DAY, message: 'too old' },
          { timestamp: T0 - 2 * DAY, message: 'expired' },
          { timestamp: T0 - 1000, message: 'fine 1' },
          { timestamp: T0 + HOUR, message: 'fine 2' },
          { timestamp: T0 + 3 * HOUR, message: 'too new' },
        ],
      }),
    );
    expect(out.rejectedLogEventsInfo).toEqual({
      tooOldLogEventEndIndex: 1,
      expiredLogEventEndIndex: 2,
      tooNewLogEventStartIndex: 4,
    });
    const got = await c.send(new GetLogEventsCommand({ logGroupName: 'put', logStreamName: 's', startFromHead: true }));
    expect(got.events?.map((e) => e.message)).toEqual(['fine 1', 'héllo', 'fine 2']);
    expect(await bytes()).toBe(6 + 12);
  });

  it('refuses unordered, oversized and over-24h batches, and missing streams', async () => {
    const c = h.logs();
    const send = (logEvents: Array<{ timestamp: number; message: string }>, logStreamName = 'a') =>
      caught(c.send(new PutLogEventsCommand({ logGroupName: 'ev', logStreamName, logEvents })));
    const order = await send([
      { timestamp: T0, message: 'b' },
      { timestamp: T0 - 1, message: 'a' },
    ]);
    expect(order).toBeInstanceOf(InvalidParameterException);
    expect(order.message).toContain('chronological order');
    const big = await send([
      { timestamp: T0, message: 'x'.repeat(600_000) },
      { timestamp: T0, message: 'y'.repeat(600_000) },
    ]);
    expect(big).toBeInstanceOf(InvalidParameterException);
    expect(big.message).toBe('Upload too large: 1200052 bytes exceeds limit of 1048576');
    expect(
      await send([
        { timestamp: T0 - 25 * HOUR, message: 'a' },
        { timestamp: T0, message: 'b' },
      ]),
    ).toBeInstanceOf(InvalidParameterException);
    expect(await send([{ timestamp: T0, message: 'a' }], 'nope')).toBeInstanceOf(ResourceNotFoundException);
    expect(await send([])).toBeInstanceOf(InvalidParameterException);
    const many = await send(Array.from({ length: 10_001 }, () => ({ timestamp: T0, message: 'm' })));
    expect(many).toBeInstanceOf(InvalidParameterException);
    expect(many.message).toContain(
      "at 'logEvents' failed to satisfy constraint: Member must have length less than or equal to 10000",
    );
  });
});

describe('GetLogEvents', () => {
  it('pages forward from the head with the SDK paginator, each event once, ending on a repeated token', async () => {
    const c = h.logs();
    await c.send(new CreateLogStreamCommand({ logGroupName: 'ev', logStreamName: 'many' }));
    const events = Array.from({ length: 250 }, (_, k) => ({
      timestamp: T0 - 250_000 + k * 1000 - (k % 3),
      message: `event ${k}`,
    }));
    events.sort((a, b) => a.timestamp - b.timestamp);
    await put(c, 'ev', 'many', events);
    const seen: string[] = [];
    for await (const p of paginateGetLogEvents(
      { client: c, pageSize: 40, stopOnSameToken: true },
      { logGroupName: 'ev', logStreamName: 'many', startFromHead: true },
    ))
      seen.push(...(p.events ?? []).map((e) => e.message ?? ''));
    expect(seen).toEqual(events.map((e) => e.message));
  });

  it('returns the newest events by default and pages backward to the oldest', async () => {
    const c = h.logs();
    const first = await c.send(new GetLogEventsCommand({ logGroupName: 'ev', logStreamName: 'many', limit: 100 }));
    expect(first.events?.map((e) => e.message)).toEqual(Array.from({ length: 100 }, (_, k) => `event ${150 + k}`));
    const seen = [...(first.events ?? [])];
    let token = first.nextBackwardToken;
    for (;;) {
      const p = await c.send(
        new GetLogEventsCommand({ logGroupName: 'ev', logStreamName: 'many', limit: 100, nextToken: token }),
      );
      if (p.nextBackwardToken === token) {
        expect(p.events).toEqual([]);
        break;
      }
      seen.unshift(...(p.events ?? []));
      token = p.nextBackwardToken;
    }
    expect(seen.map((e) => e.message)).toEqual(Array.from({ length: 250 }, (_, k) => `event ${k}`));
    const tail = await c.send(
      new GetLogEventsCommand({ logGroupName: 'ev', logStreamName: 'many', nextToken: first.nextForwardToken }),
    );
    expect(tail.events).toEqual([]);
    expect(tail.nextForwardToken).toBe(first.nextForwardToken);
  });

  it('treats startTime as inclusive and endTime as exclusive, and refuses forged tokens', async () => {
    const c = h.logs();
    await c.send(new CreateLogStreamCommand({ logGroupName: 'ev', logStreamName: 'range' }));
    await put(
      c,
      'ev',
      'range',
      [1, 2, 3, 4].map((k) => ({ timestamp: T0 - 10_000 + k * 1000, message: `r${k}` })),
    );
    const got = await c.send(
      new GetLogEventsCommand({
        logGroupName: 'ev',
        logStreamName: 'range',
        startTime: T0 - 8000,
        endTime: T0 - 6000,
        startFromHead: true,
      }),
    );
    expect(got.events?.map((e) => e.message)).toEqual(['r2', 'r3']);
    expect(got.events?.[0]).toEqual({ timestamp: T0 - 8000, message: 'r2', ingestionTime: T0 });
    expect(
      await caught(
        c.send(new GetLogEventsCommand({ logGroupName: 'ev', logStreamName: 'range', nextToken: 'f/forged.x' })),
      ),
    ).toBeInstanceOf(InvalidParameterException);
    expect(await caught(c.send(new GetLogEventsCommand({ logGroupName: 'ev', logStreamName: 'nope' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('hides events until their ingestion time and drops events past retention', async () => {
    const c = h.logs();
    const state = h.emu.state;
    const g = state.logs.ensureGroup('111111111111', 'us-east-1', 'lagged', clock.now());
    state.logs.appendRecords(g, 'access', [
      { timestamp: clock.now() - 1000, ingestionTime: clock.now() + 120_000, record: { responseCode: 200 } },
      { timestamp: clock.now() - 2000, ingestionTime: clock.now(), record: { responseCode: 403 } },
    ]);
    const read = async () =>
      (
        await c.send(new GetLogEventsCommand({ logGroupName: 'lagged', logStreamName: 'access', startFromHead: true }))
      ).events?.map((e) => e.message);
    expect(await read()).toEqual(['{"responseCode":403}']);
    clock.advance(120_000);
    expect(await read()).toEqual(['{"responseCode":403}', '{"responseCode":200}']);
    await c.send(new PutRetentionPolicyCommand({ logGroupName: 'lagged', retentionInDays: 1 }));
    clock.advance(DAY);
    expect(await read()).toEqual([]);
    expect(
      (await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'lagged' }))).logGroups?.[0]?.storedBytes,
    ).toBe(0);
  });
});
