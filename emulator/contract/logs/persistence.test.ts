/** Contract tests: Logs state survives a save/load of the world through the control API. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  PutRetentionPolicyCommand,
  type DescribeLogGroupsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { manualClock, put, T0 } from './helpers';

let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await startHarness({ clock: manualClock() });
  dir = mkdtempSync(join(tmpdir(), 'trellis-logs-'));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('save and load', () => {
  it('round-trips groups, streams, retention and events (including not yet ingested ones)', async () => {
    const c = h.logs(h.creds(1));
    await c.send(new CreateLogGroupCommand({ logGroupName: 'keep/a' }));
    await c.send(new CreateLogGroupCommand({ logGroupName: 'keep/b', logGroupClass: 'INFREQUENT_ACCESS' }));
    await c.send(new PutRetentionPolicyCommand({ logGroupName: 'keep/a', retentionInDays: 30 }));
    for (const s of ['s1', 's2'])
      await c.send(new CreateLogStreamCommand({ logGroupName: 'keep/a', logStreamName: s }));
    await put(
      c,
      'keep/a',
      's1',
      Array.from({ length: 50 }, (_, k) => ({
        timestamp: T0 - 100_000 + k * 1000,
        message: k % 5 ? JSON.stringify({ k, code: 200 + k }) : `plain ${k}`,
      })),
    );
    await put(c, 'keep/a', 's2', [{ timestamp: T0 - 500, message: '{"nested":{"a":1}}' }]);
    const g = h.emu.state.logs.ensureGroup('222222222222', 'us-east-1', 'keep/a', T0);
    h.emu.state.logs.appendRecords(g, 's2', [
      { timestamp: T0 - 100, ingestionTime: T0 + 60_000, record: { late: true } },
    ]);

    const snapshot = async () => {
      const groups: DescribeLogGroupsCommandOutput = await c.send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: 'keep/' }),
      );
      const streams = await c.send(new DescribeLogStreamsCommand({ logGroupName: 'keep/a' }));
      const events = await c.send(new FilterLogEventsCommand({ logGroupName: 'keep/a' }));
      return {
        groups: groups.logGroups,
        streams: streams.logStreams?.map(({ uploadSequenceToken: _t, ...s }) => s),
        events: events.events?.map(({ eventId: _id, ...e }) => e),
      };
    };
    const before = await snapshot();
    expect(before.events).toHaveLength(51);
    const file = join(dir, 'state.json');
    expect((await h.control('POST', '/save', { file })).status).toBe(200);
    await h.control('POST', '/reset', { scenario: 'empty', seed: 1 });
    expect((await c.send(new DescribeLogGroupsCommand({}))).logGroups).toEqual([]);
    expect((await h.control('POST', '/load', { file })).status).toBe(200);
    expect(await snapshot()).toEqual(before);
    (h.emu.state.clock as ReturnType<typeof manualClock>).advance(60_000);
    const after = await c.send(
      new FilterLogEventsCommand({ logGroupName: 'keep/a', filterPattern: '{ $.late IS TRUE }' }),
    );
    expect(after.events?.map((e) => e.message)).toEqual(['{"late":true}']);
  });
});
