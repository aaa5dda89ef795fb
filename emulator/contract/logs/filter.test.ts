/** Contract tests: FilterLogEvents with filter patterns, and GetLogGroupFields, with the real client. */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  GetLogGroupFieldsCommand,
  InvalidParameterException,
  ResourceNotFoundException,
  paginateFilterLogEvents,
  type FilteredLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, manualClock, put, T0 } from './helpers';
import { SCAN_BUDGET } from '../../logs/api/filterLogEvents';

interface Rec {
  responseCode: number;
  resolvedUser: string;
  requestPath: string;
  duration: number;
  authDeniedReason: string;
}

let h: Harness;
const STREAMS = ['access-a', 'access-b', 'other'];
const events: Array<{ stream: string; timestamp: number; message: string; rec?: Rec }> = [];

beforeAll(async () => {
  h = await startHarness({ clock: manualClock() });
  const c = h.logs();
  await c.send(new CreateLogGroupCommand({ logGroupName: 'flt' }));
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (const s of STREAMS) await c.send(new CreateLogStreamCommand({ logGroupName: 'flt', logStreamName: s }));
  for (let k = 0; k < 300; k++) {
    const stream = STREAMS[k % 3] as string;
    const timestamp = T0 - 600_000 + k * 1000 + (k % 3);
    if (stream === 'other') {
      events.push({ stream, timestamp, message: k % 2 ? `ERROR request ${k} failed` : `INFO "ok" request ${k}` });
      continue;
    }
    const code = [200, 200, 403, 404, 500, 503][rnd(6)] as number;
    const rec: Rec = {
      responseCode: code,
      resolvedUser: code === 403 ? 'Anonymous' : rnd(2) ? '-' : 'arn:aws:iam::222222222222:role/app',
      requestPath: ['/v2/orders', '/v2/pay', '/v1/health', '/admin'][rnd(4)] as string,
      duration: rnd(2000) / 4,
      authDeniedReason: code === 403 ? 'Service' : '-',
    };
    events.push({ stream, timestamp, message: JSON.stringify(rec), rec });
  }
  for (const s of STREAMS)
    await put(
      c,
      'flt',
      s,
      events.filter((e) => e.stream === s).map(({ timestamp, message }) => ({ timestamp, message })),
    );
});
afterAll(() => h.close());

async function filter(input: Record<string, unknown>, pageSize = 1000): Promise<FilteredLogEvent[]> {
  const out: FilteredLogEvent[] = [];
  for await (const p of paginateFilterLogEvents({ client: h.logs(), pageSize }, { logGroupName: 'flt', ...input }))
    out.push(...(p.events ?? []));
  return out;
}

const expected = (pred: (e: (typeof events)[number]) => boolean) => events.filter(pred).map((e) => e.message);
const recs = (pred: (r: Rec) => boolean) => expected((e) => e.rec !== undefined && pred(e.rec));

describe('FilterLogEvents patterns', () => {
  it.each<[string, () => string[]]>([
    ['', () => expected(() => true)],
    ['{ $.responseCode = 403 }', () => recs((r) => r.responseCode === 403)],
    [
      '{ $.responseCode >= 500 && $.resolvedUser != "-" }',
      () => recs((r) => r.responseCode >= 500 && r.resolvedUser !== '-'),
    ],
    [
      '{ $.responseCode = 404 || $.authDeniedReason = Service }',
      () => recs((r) => r.responseCode === 404 || r.authDeniedReason === 'Service'),
    ],
    [
      '{ ($.responseCode < 300 || $.responseCode > 500) && $.duration <= 250.5 }',
      () => recs((r) => (r.responseCode < 300 || r.responseCode > 500) && r.duration <= 250.5),
    ],
    ['{ $.requestPath = "/v2/*" }', () => recs((r) => r.requestPath.startsWith('/v2/'))],
    [
      '{ $.requestPath != "/v2/*" && $.responseCode != 200 }',
      () => recs((r) => !r.requestPath.startsWith('/v2/') && r.responseCode !== 200),
    ],
    [
      '{ $.resolvedUser = "arn:aws:iam::*:role/app" }',
      () => recs((r) => r.resolvedUser === 'arn:aws:iam::222222222222:role/app'),
    ],
    ['{ $.missing NOT EXISTS && $.responseCode = 200 }', () => recs((r) => r.responseCode === 200)],
    ['ERROR', () => expected((e) => e.message.includes('ERROR'))],
    ['request -ERROR', () => expected((e) => e.message.includes('request') && !e.message.includes('ERROR'))],
    ['"\\"ok\\" request"', () => expected((e) => e.message.includes('"ok" request'))],
    ['?ERROR ?Anonymous', () => expected((e) => e.message.includes('ERROR') || e.message.includes('Anonymous'))],
  ])('%j returns exactly the matching events, in time order', async (pattern, want) => {
    const got = await filter({ filterPattern: pattern });
    expect(got.map((e) => e.message)).toEqual(want());
  });

  it('refuses unsupported patterns instead of matching everything', async () => {
    for (const filterPattern of [
      '[ip, user, status=403]',
      '%ERR.R%',
      '{ $.responseCode = %40.% }',
      '{ $.a = 1 ',
      'ERROR:',
    ]) {
      const e = await caught(h.logs().send(new FilterLogEventsCommand({ logGroupName: 'flt', filterPattern })));
      expect(e).toBeInstanceOf(InvalidParameterException);
      expect(e.message).toMatch(/^Invalid filter pattern/);
    }
  });
});

describe('FilterLogEvents selection and paging', () => {
  it('pages by nextToken, every event exactly once, with stream names, ingestion times, unique event ids', async () => {
    const got = await filter({}, 7);
    expect(got.map((e) => e.message)).toEqual(events.map((e) => e.message));
    expect(got.map((e) => e.logStreamName)).toEqual(events.map((e) => e.stream));
    expect(new Set(got.map((e) => e.eventId)).size).toBe(events.length);
    expect(got[0]).toMatchObject({ timestamp: events[0]!.timestamp, ingestionTime: T0 });
  });

  it('narrows by stream names, stream prefix, inclusive time range; descending with startFromHead false', async () => {
    expect((await filter({ logStreamNames: ['other'] })).map((e) => e.message)).toEqual(
      expected((e) => e.stream === 'other'),
    );
    expect((await filter({ logStreamNamePrefix: 'access-' })).map((e) => e.message)).toEqual(
      expected((e) => e.stream.startsWith('access-')),
    );
    const from = events[10]!.timestamp;
    const to = events[20]!.timestamp;
    expect((await filter({ startTime: from, endTime: to })).map((e) => e.message)).toEqual(
      events.slice(10, 21).map((e) => e.message),
    );
    const desc = await filter({ startFromHead: false, startTime: T0 - 3_600_000 }, 13);
    expect(desc.map((e) => e.message)).toEqual(events.map((e) => e.message).reverse());
    expect(
      await caught(
        h
          .logs()
          .send(
            new FilterLogEventsCommand({ logGroupName: 'flt', startFromHead: false, startTime: Date.UTC(2023, 5, 1) }),
          ),
      ),
    ).toBeInstanceOf(InvalidParameterException);
    expect(
      await caught(
        h
          .logs()
          .send(
            new FilterLogEventsCommand({ logGroupName: 'flt', logStreamNames: ['other'], logStreamNamePrefix: 'o' }),
          ),
      ),
    ).toBeInstanceOf(InvalidParameterException);
    expect(await caught(h.logs().send(new FilterLogEventsCommand({ logGroupName: 'nope' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
    expect(
      await caught(h.logs().send(new FilterLogEventsCommand({ logGroupName: 'flt', nextToken: 'x.y' }))),
    ).toBeInstanceOf(InvalidParameterException);
  });

  it('keeps going through empty pages when a rare pattern needs more than one scan budget', async () => {
    const state = h.emu.state;
    const g = state.logs.ensureGroup('111111111111', 'us-east-1', 'big', T0);
    const n = SCAN_BUDGET + 20_000;
    const batch = Array.from({ length: n }, (_, k) => ({
      timestamp: T0 - n + k,
      record: { k, hit: k === 5 || k >= n - 5 ? 'yes' : 'no' },
    }));
    state.logs.appendRecords(g, 's', batch);
    const pages: number[] = [];
    const out: FilteredLogEvent[] = [];
    for await (const p of paginateFilterLogEvents(
      { client: h.logs() },
      { logGroupName: 'big', filterPattern: '{ $.hit = "yes" }' },
    )) {
      pages.push(p.events?.length ?? 0);
      out.push(...(p.events ?? []));
    }
    expect(out.map((e) => (JSON.parse(e.message ?? '{}') as { k: number }).k)).toEqual([
      5,
      n - 5,
      n - 4,
      n - 3,
      n - 2,
      n - 1,
    ]);
    // The first page stops at the scan budget with one event; the second holds the rest.
    expect(pages).toEqual([1, 5]);
    const page = await h
      .logs()
      .send(
        new FilterLogEventsCommand({ logGroupName: 'big', filterPattern: '{ $.hit = "yes" }', startTime: T0 - n + 10 }),
      );
    expect(page.events).toEqual([]);
    expect(page.nextToken).toBeDefined();
  });
});

describe('GetLogGroupFields', () => {
  it('lists the system fields and the JSON fields of recent events with their share', async () => {
    const out = await h.logs().send(new GetLogGroupFieldsCommand({ logGroupName: 'flt' }));
    const fields = Object.fromEntries((out.logGroupFields ?? []).map((f) => [f.name, f.percent]));
    const jsonShare = Math.round(
      (events.filter((e) => e.rec && e.timestamp >= T0 - 900_000).length * 100) /
        events.filter((e) => e.timestamp >= T0 - 900_000).length,
    );
    expect(fields).toEqual({
      '@ingestionTime': 100,
      '@log': 100,
      '@logStream': 100,
      '@message': 100,
      '@timestamp': 100,
      responseCode: jsonShare,
      resolvedUser: jsonShare,
      requestPath: jsonShare,
      duration: jsonShare,
      authDeniedReason: jsonShare,
    });
    const old = await h
      .logs()
      .send(new GetLogGroupFieldsCommand({ logGroupName: 'flt', time: Math.floor(T0 / 1000) - 86_400 }));
    expect(old.logGroupFields).toEqual([]);
  });
});
