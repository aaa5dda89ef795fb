/** The compact event store: exact messages, ordering, visibility, retention, persistence. */
import { describe, expect, it } from 'vitest';
import { LogsStore, parseLogGroupArn } from '../store';
import { querySource } from './batch';
import { CHUNK_EVENTS } from './chunk';
import { MAX_DICT_VALUES } from './dictionary';
import { groupFromJson, groupToJson } from './persist';
import { formatKey, keyOf, scan, type ScanOptions } from './scan';

const ALL: ScanOptions = { dir: 'asc', startMs: -Infinity, endMs: Infinity, now: Infinity, cutoff: -Infinity };

function fresh() {
  const store = new LogsStore();
  const group = store.ensureGroup('111111111111', 'us-east-1', 'g', 0);
  const stream = group.createStream('s', 0)!;
  return { store, group, stream };
}

describe('messages', () => {
  it('gives back every message byte for byte, whatever its form', () => {
    const { group, stream } = fresh();
    const messages = [
      '{"a":1,"b":"x","c":true,"d":null,"e":-2.5,"f":1e+21}',
      '{"a": 1}',
      '{"nested":{"x":[1,2]}}',
      '{"1":2,"a":3}',
      '{"a":1,"a":2}',
      'plain text with "quotes"',
      '{"unicode":"héllo ✓ \\u0001","esc":"a\\"b\\\\c"}',
      '{"t":"2026-01-01T00:00:00.123Z","u":"2026-01-01T00:00:00Z","ip":"10.0.0.1:443","bad":"999.1.1.1:1"}',
      '[1,2]',
      '{}',
    ];
    for (const [k, m] of messages.entries()) group.appendMessage(stream, 1000 + k, 1000, m);
    const back = [...scan([stream], ALL)].map((p) => p.chunk.message(p.i));
    expect(back).toEqual(messages);
    expect(group.storedBytes).toBe(messages.reduce((n, m) => n + Buffer.byteLength(m), 0));
  });

  it('keeps exact values when dictionaries overflow into raw and typed strings', () => {
    const { group, stream } = fresh();
    const n = MAX_DICT_VALUES + 500;
    const expected: string[] = [];
    for (let k = 0; k < n; k++) {
      const record = {
        id: `req-${k}`,
        at: new Date(1_700_000_000_000 + k * 1001).toISOString(),
        src: `10.0.${k % 256}.${k % 200}:${1024 + k}`,
        n: k * 0.5,
      };
      expected.push(JSON.stringify(record));
      group.appendRecord(stream, 1000 + k, 1000 + k, record);
    }
    expect([...scan([stream], ALL)].map((p) => p.chunk.message(p.i))).toEqual(expected);
    expect(group.table.dicts[group.table.lookup('id')!]!.size).toBe(MAX_DICT_VALUES);
  });

  it('stores records as JSON.stringify writes them (undefined left out, NaN as null)', () => {
    const { store, group } = fresh();
    const record = { a: 'x', b: undefined, c: Number.NaN, d: 5 };
    store.appendRecords(group, 'r', [{ timestamp: 10, record }]);
    const [p] = [...scan([group.streams.get('r')!], ALL)];
    expect(p!.chunk.message(p!.i)).toBe(JSON.stringify(record));
    expect(group.storedBytes).toBe(Buffer.byteLength(JSON.stringify(record)));
  });
});

describe('ordering and visibility', () => {
  it('scans out-of-order events across chunks once each, in key order both ways, resuming after a cursor', () => {
    const { group, stream } = fresh();
    const n = CHUNK_EVENTS * 2 + 100;
    for (let k = 0; k < n; k++) group.appendMessage(stream, (k * 7919) % 5000, 0, `m${k}`);
    const asc = [...scan([stream], ALL)];
    expect(asc).toHaveLength(n);
    const ts = asc.map((p) => p.chunk.ts[p.i] as number);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    expect(new Set(asc.map((p) => p.chunk.message(p.i))).size).toBe(n);
    const desc = [...scan([stream], { ...ALL, dir: 'desc' })].map((p) => formatKey(keyOf(p)));
    expect(desc).toEqual(asc.map((p) => formatKey(keyOf(p))).reverse());
    const mid = keyOf(asc[1234]!);
    const rest = [...scan([stream], { ...ALL, after: mid })].map((p) => formatKey(keyOf(p)));
    expect(rest).toEqual(asc.slice(1235).map((p) => formatKey(keyOf(p))));
  });

  it('hides events until their ingestion time and bounds time ranges inclusively', () => {
    const { group, stream } = fresh();
    group.appendMessage(stream, 100, 100, 'early');
    group.appendMessage(stream, 200, 500, 'late');
    group.appendMessage(stream, 300, 300, 'mid');
    const at = (now: number, startMs = -Infinity, endMs = Infinity) =>
      [...scan([stream], { ...ALL, now, startMs, endMs })].map((p) => p.chunk.message(p.i));
    expect(at(400)).toEqual(['early', 'mid']);
    expect(at(500)).toEqual(['early', 'late', 'mid']);
    expect(at(500, 200, 300)).toEqual(['late', 'mid']);
    const batches = [...querySource([group], 400).batches(-Infinity, Infinity)];
    expect(batches.flatMap((b) => Array.from({ length: b.length }, (_, i) => b.message(i)))).toEqual(['early', 'mid']);
  });

  it('drops events past retention from reads and from storedBytes', () => {
    const { group, stream } = fresh();
    const day = 86_400_000;
    for (let k = 0; k < 10; k++) group.appendMessage(stream, k * day, k * day, `day${k}`);
    group.retentionInDays = 3;
    const now = 9 * day + 1;
    expect([...scan([stream], { ...ALL, now, cutoff: group.cutoff(now) })].map((p) => p.chunk.message(p.i))).toEqual([
      'day7',
      'day8',
      'day9',
    ]);
    group.enforceRetention(now);
    expect(group.storedBytes).toBe(12);
    expect(stream.eventCount).toBe(3);
  });
});

describe('Insights batches', () => {
  it('reads encoded fields, flattens nested JSON, and returns undefined for plain text', () => {
    const { group, stream } = fresh();
    group.appendMessage(stream, 1, 1, '{"code":403,"user":"-"}');
    group.appendMessage(stream, 2, 1, '{"code": 200, "req": {"path": "/v2", "tags": ["a"]}}');
    group.appendMessage(stream, 3, 1, 'not json');
    const [b] = [...querySource([group], 10).batches(0, 10)];
    expect(b!.length).toBe(3);
    const code = b!.field('code')!;
    expect([code(0), code(1), code(2)]).toEqual([403, 200, undefined]);
    expect(b!.field('req.path')!(1)).toBe('/v2');
    expect(b!.field('req.tags.0')!(1)).toBe('a');
    expect(b!.field('nope')).toBeUndefined();
    expect([...b!.fieldNames()].sort()).toEqual(['code', 'req.path', 'req.tags.0', 'user']);
    expect(b!.logGroupId).toBe('111111111111:g');
    expect(b!.messageBytes(0)).toBe(23);
    expect(b!.ptr(0)).not.toBe(b!.ptr(1));
  });
});

describe('persistence and ARNs', () => {
  it('round-trips groups, retention and events, keeping the newest events under a cap', () => {
    const { store, group, stream } = fresh();
    group.retentionInDays = 30;
    for (let k = 0; k < 50; k++)
      group.appendMessage(stream, 1000 + k, 2000 + k, k % 2 ? `text ${k}` : JSON.stringify({ k, s: `v${k % 3}` }));
    store.appendRecords(group, 'other', [{ timestamp: 5, ingestionTime: 9, record: { z: 1 } }]);
    const back = LogsStore.fromJSON(JSON.parse(JSON.stringify(store.toJSON())));
    const g2 = back.group('111111111111', 'us-east-1', 'g')!;
    expect(g2.retentionInDays).toBe(30);
    const dump = (g: typeof group) =>
      [...scan([...g.streams.values()], ALL)].map((p) => [
        p.stream.name,
        p.chunk.ts[p.i],
        p.chunk.ing[p.i],
        p.chunk.message(p.i),
      ]);
    expect(dump(g2)).toEqual(dump(group));
    expect(g2.storedBytes).toBe(group.storedBytes);
    const capped = groupFromJson(groupToJson(group, 10));
    expect(dump(capped)).toEqual(dump(group).slice(-10));
    expect(groupToJson(group, 10).droppedEvents).toBe(41);
  });

  it('resolves destination ARNs with or without :*', () => {
    const { store, group } = fresh();
    expect(store.resolveArn('arn:aws:logs:us-east-1:111111111111:log-group:g:*')).toBe(group);
    expect(store.resolveArn(group.logGroupArn)).toBe(group);
    expect(store.resolveArn('arn:aws:logs:us-west-2:111111111111:log-group:g')).toBeUndefined();
    expect(parseLogGroupArn('arn:aws:s3:::bucket')).toBeUndefined();
  });
});
