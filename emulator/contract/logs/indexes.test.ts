/**
 * Contract tests: field index policies (PutIndexPolicy, DescribeIndexPolicies, DeleteIndexPolicy,
 * DescribeFieldIndexes) and `filterIndex` in queries, with bytes scanned and skipped reported in
 * GetQueryResults statistics as AWS does.
 */
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteIndexPolicyCommand,
  DescribeFieldIndexesCommand,
  DescribeIndexPoliciesCommand,
  GetQueryResultsCommand,
  InvalidParameterException,
  LimitExceededException,
  MalformedQueryException,
  PutIndexPolicyCommand,
  ResourceNotFoundException,
  StartQueryCommand,
  type GetQueryResultsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/clock';
import { startHarness, type Harness } from '../harness';
import { caught, manualClock, put, T0 } from './helpers';

let h: Harness;
let clock: ManualClock;
const SERVICES = ['svc-a', 'svc-b', 'svc-c', 'svc-d'];
const msg = (k: number) => JSON.stringify({ serviceArn: SERVICES[k % 4], responseCode: k % 3 === 0 ? 503 : 200, k });
const bytes = (ks: number[]) => ks.reduce((n, k) => n + Buffer.byteLength(msg(k)), 0);
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

beforeAll(async () => {
  clock = manualClock();
  h = await startHarness({ clock });
  const c = h.logs();
  for (const g of ['idx', 'plain']) {
    await c.send(new CreateLogGroupCommand({ logGroupName: g }));
    await c.send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 's' }));
  }
  // 40 events before the policy (not indexed), 80 after (indexed), in 'idx'; 40 in 'plain'.
  const ev = (ks: number[]) => ks.map((k) => ({ timestamp: T0 - 200_000 + k * 1000, message: msg(k) }));
  await put(c, 'idx', 's', ev(range(0, 40)));
  await put(c, 'plain', 's', ev(range(0, 40)));
  clock.advance(1000);
  await c.send(
    new PutIndexPolicyCommand({
      logGroupIdentifier: 'idx',
      policyDocument: '{"Fields": ["serviceArn", "responseCode"]}',
    }),
  );
  clock.advance(1000);
  await put(c, 'idx', 's', ev(range(40, 120)));
});
afterAll(() => h.close());

async function query(groups: string[], queryString: string): Promise<GetQueryResultsCommandOutput> {
  const { queryId } = await h.logs().send(
    new StartQueryCommand({
      logGroupNames: groups,
      startTime: T0 / 1000 - 3600,
      endTime: T0 / 1000 + 60,
      queryString,
    }),
  );
  for (let i = 0; i < 2000; i++) {
    const out = await h.logs().send(new GetQueryResultsCommand({ queryId }));
    if (out.status !== 'Scheduled' && out.status !== 'Running') return out;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('query did not finish');
}

describe('index policies', () => {
  it('PutIndexPolicy stores it; DescribeIndexPolicies returns it; DescribeFieldIndexes lists the fields', async () => {
    const c = h.logs();
    const out = await c.send(new DescribeIndexPoliciesCommand({ logGroupIdentifiers: ['idx'] }));
    expect(out.indexPolicies).toHaveLength(1);
    expect(out.indexPolicies?.[0]).toMatchObject({
      logGroupIdentifier: expect.stringContaining(':log-group:idx'),
      policyDocument: '{"Fields": ["serviceArn", "responseCode"]}',
      source: 'LOG_GROUP',
    });
    expect((await c.send(new DescribeIndexPoliciesCommand({ logGroupIdentifiers: ['plain'] }))).indexPolicies).toEqual(
      [],
    );
    const fields = await c.send(new DescribeFieldIndexesCommand({ logGroupIdentifiers: ['idx', 'plain'] }));
    expect(fields.fieldIndexes?.map((f) => [f.fieldIndexName, f.type, f.firstEventTime?.valueOf()])).toEqual([
      ['serviceArn', 'FIELD_INDEX', T0 - 200_000 + 40_000],
      ['responseCode', 'FIELD_INDEX', T0 - 200_000 + 40_000],
    ]);
  });

  it('refuses bad documents, too many fields and unknown groups', async () => {
    const c = h.logs();
    const put = (policyDocument: string, logGroupIdentifier = 'plain') =>
      c.send(new PutIndexPolicyCommand({ logGroupIdentifier, policyDocument }));
    expect(await caught(put('not json'))).toBeInstanceOf(InvalidParameterException);
    expect(await caught(put('{"Fields": []}'))).toBeInstanceOf(InvalidParameterException);
    expect(await caught(put('{"Fields": ["a b"]}'))).toBeInstanceOf(InvalidParameterException);
    expect(await caught(put('{"Fields": ["a"], "FieldsV2": {"a": {"type": "FIELD_INDEX"}}}'))).toBeInstanceOf(
      InvalidParameterException,
    );
    const many = JSON.stringify({ Fields: range(0, 21).map((i) => `f${i}`) });
    expect(await caught(put(many))).toBeInstanceOf(LimitExceededException);
    expect(await caught(put('{"Fields": ["a"]}', 'nope'))).toBeInstanceOf(ResourceNotFoundException);
    expect(await caught(c.send(new DeleteIndexPolicyCommand({ logGroupIdentifier: 'plain' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('DeleteIndexPolicy removes it', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'tmp' }));
    await c.send(new PutIndexPolicyCommand({ logGroupIdentifier: 'tmp', policyDocument: '{"FieldsV2": {"x": {}}}' }));
    await c.send(new DeleteIndexPolicyCommand({ logGroupIdentifier: 'tmp' }));
    expect((await c.send(new DescribeIndexPoliciesCommand({ logGroupIdentifiers: ['tmp'] }))).indexPolicies).toEqual(
      [],
    );
  });
});

describe('filterIndex', () => {
  it('scans the indexed events with the value (and older, unindexed ones); reports the rest skipped', async () => {
    const out = await query(['idx'], 'filterIndex serviceArn = "svc-b" | stats count(*) as n');
    const want = range(0, 120).filter((k) => k % 4 === 1);
    expect(out.results?.[0]).toEqual([{ field: 'n', value: String(want.length) }]);
    const scanned = [...range(0, 40), ...range(40, 120).filter((k) => k % 4 === 1)];
    const skipped = range(40, 120).filter((k) => k % 4 !== 1);
    expect(out.statistics).toEqual({
      recordsMatched: want.length,
      recordsScanned: scanned.length,
      estimatedRecordsSkipped: skipped.length,
      bytesScanned: bytes(scanned),
      estimatedBytesSkipped: bytes(skipped),
      logGroupsScanned: 1,
    });
  });

  it('takes `in [...]`, numbers, and other commands after it', async () => {
    const out = await query(['idx'], 'filterIndex responseCode in [503] | filter k >= 60 | stats count(*) as n');
    expect(out.results?.[0]).toEqual([{ field: 'n', value: String(range(60, 120).filter((k) => k % 3 === 0).length) }]);
    const two = await query(['idx'], 'filterIndex serviceArn in ["svc-a", "svc-c"] | stats count(*) as n');
    expect(two.results?.[0]).toEqual([{ field: 'n', value: '60' }]);
  });

  it('skips log groups that do not index the field (indexed data only)', async () => {
    const out = await query(['idx', 'plain'], 'filterIndex serviceArn = "svc-b" | stats count(*) as n');
    expect(out.results?.[0]).toEqual([{ field: 'n', value: '30' }]);
    expect(out.statistics?.estimatedBytesSkipped).toBe(
      bytes(range(40, 120).filter((k) => k % 4 !== 1)) + bytes(range(0, 40)),
    );
  });

  it('reports no skipped bytes without filterIndex, and rejects malformed forms', async () => {
    const out = await query(['idx'], 'filter serviceArn = "svc-b" | stats count(*) as n');
    expect(out.statistics).toMatchObject({ estimatedBytesSkipped: 0, bytesScanned: bytes(range(0, 120)) });
    for (const q of [
      'filterIndex serviceArn != "svc-b"',
      'filterIndex serviceArn like "svc"',
      'stats count(*) as n | filterIndex serviceArn = "a"',
      'filterIndex @message = "x"',
    ]) {
      expect(
        await caught(
          h.logs().send(new StartQueryCommand({ logGroupNames: ['idx'], startTime: 0, endTime: 1, queryString: q })),
        ),
      ).toBeInstanceOf(MalformedQueryException);
    }
  });
});
