/** Contract tests: log groups and retention with the real CloudWatch Logs client. */
import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DeleteLogStreamCommand,
  DescribeLogGroupsCommand,
  InvalidOperationException,
  InvalidParameterException,
  PutRetentionPolicyCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
  paginateDescribeLogGroups,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness';
import { caught, manualClock, T0 } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ clock: manualClock() });
});
afterAll(() => h.close());

describe('log groups', () => {
  it('creates a group and describes it with both ARN forms, creation time and zero metric filters', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: '/aws/vpclattice/one', tags: { team: 'net' } }));
    const out = await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/vpclattice/one' }));
    expect(out.logGroups).toEqual([
      {
        logGroupName: '/aws/vpclattice/one',
        creationTime: T0,
        metricFilterCount: 0,
        arn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpclattice/one:*',
        logGroupArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpclattice/one',
        storedBytes: 0,
        logGroupClass: 'STANDARD',
      },
    ]);
  });

  it('refuses a duplicate, an invalid name, and deleting what does not exist', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'dup' }));
    expect(await caught(c.send(new CreateLogGroupCommand({ logGroupName: 'dup' })))).toBeInstanceOf(
      ResourceAlreadyExistsException,
    );
    const bad = await caught(c.send(new CreateLogGroupCommand({ logGroupName: 'has space' })));
    expect(bad).toBeInstanceOf(InvalidParameterException);
    expect(bad.message).toBe(
      "1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: " +
        'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+',
    );
    expect(bad.$metadata.httpStatusCode).toBe(400);
    await c.send(new DeleteLogGroupCommand({ logGroupName: 'dup' }));
    expect(await caught(c.send(new DeleteLogGroupCommand({ logGroupName: 'dup' })))).toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  it('keeps groups per account and per region', async () => {
    await h.logs(h.creds(1)).send(new CreateLogGroupCommand({ logGroupName: 'payments-only' }));
    await h.logs(h.creds(1), 'eu-west-1').send(new CreateLogGroupCommand({ logGroupName: 'payments-only' }));
    const names = async (creds: ReturnType<Harness['creds']>, region?: string) =>
      ((await h.logs(creds, region).send(new DescribeLogGroupsCommand({}))).logGroups ?? []).map((g) => g.logGroupName);
    expect(await names(h.creds(1))).toEqual(['payments-only']);
    expect(await names(h.creds(2))).toEqual([]);
    expect(await names(h.creds(0))).not.toContain('payments-only');
    const eu = await h.logs(h.creds(1), 'eu-west-1').send(new DescribeLogGroupsCommand({}));
    expect(eu.logGroups?.[0]?.arn).toBe('arn:aws:logs:eu-west-1:222222222222:log-group:payments-only:*');
  });

  it('pages through groups with nextToken, each group exactly once, in name order', async () => {
    const c = h.logs(h.creds(2));
    const names = Array.from({ length: 23 }, (_, i) => `/page/g-${String(i).padStart(2, '0')}`);
    for (const n of [...names].reverse()) await c.send(new CreateLogGroupCommand({ logGroupName: n }));
    const seen: string[] = [];
    let pages = 0;
    for await (const p of paginateDescribeLogGroups({ client: c, pageSize: 5 }, { logGroupNamePrefix: '/page/' })) {
      pages++;
      seen.push(...(p.logGroups ?? []).map((g) => g.logGroupName ?? ''));
    }
    expect(seen).toEqual(names);
    expect(pages).toBe(5);
    const forged = await caught(
      c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/page/', nextToken: 'forged.token' })),
    );
    expect(forged).toBeInstanceOf(InvalidParameterException);
  });

  it('filters by name pattern (substring, brief output), class and ids; refuses prefix+pattern, limit 51', async () => {
    const c = h.logs(h.creds(2));
    await c.send(new CreateLogGroupCommand({ logGroupName: 'app/DataLogs/x', logGroupClass: 'INFREQUENT_ACCESS' }));
    const byPattern = await c.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'DataLogs' }));
    expect(byPattern.logGroups).toEqual([
      {
        logGroupName: 'app/DataLogs/x',
        creationTime: T0,
        arn: 'arn:aws:logs:us-east-1:333333333333:log-group:app/DataLogs/x:*',
      },
    ]);
    expect((await c.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'datalogs' }))).logGroups).toEqual([]);
    const ia = await c.send(new DescribeLogGroupsCommand({ logGroupClass: 'INFREQUENT_ACCESS' }));
    expect(ia.logGroups?.map((g) => g.logGroupName)).toEqual(['app/DataLogs/x']);
    const ids = await c.send(
      new DescribeLogGroupsCommand({
        logGroupIdentifiers: ['/page/g-03', 'arn:aws:logs:us-east-1:333333333333:log-group:/page/g-07', 'missing'],
      }),
    );
    expect(ids.logGroups?.map((g) => g.logGroupName)).toEqual(['/page/g-03', '/page/g-07']);
    expect(
      await caught(c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' }))),
    ).toBeInstanceOf(InvalidParameterException);
    const limit = await caught(c.send(new DescribeLogGroupsCommand({ limit: 51 })));
    expect(limit).toBeInstanceOf(InvalidParameterException);
    expect(limit.message).toContain(
      "at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });

  it('refuses to delete a group with deletion protection', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'protected', deletionProtectionEnabled: true }));
    expect(await caught(c.send(new DeleteLogGroupCommand({ logGroupName: 'protected' })))).toBeInstanceOf(
      ValidationException,
    );
    const out = await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'protected' }));
    expect(out.logGroups?.[0]?.deletionProtectionEnabled).toBe(true);
  });
});

describe('retention', () => {
  it('shows retentionInDays, refuses values outside the allowed set, and removes it again', async () => {
    const c = h.logs();
    await c.send(new CreateLogGroupCommand({ logGroupName: 'ret' }));
    await c.send(new PutRetentionPolicyCommand({ logGroupName: 'ret', retentionInDays: 7 }));
    const get = async () =>
      (await c.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'ret' }))).logGroups?.[0]?.retentionInDays;
    expect(await get()).toBe(7);
    const bad = await caught(c.send(new PutRetentionPolicyCommand({ logGroupName: 'ret', retentionInDays: 2 })));
    expect(bad).toBeInstanceOf(InvalidParameterException);
    const head =
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: " +
      'Member must satisfy enum value set: [1, 3, 5, 7, 14, 30';
    expect(bad.message.slice(0, head.length)).toBe(head);
    expect(
      await caught(c.send(new PutRetentionPolicyCommand({ logGroupName: 'nope', retentionInDays: 7 }))),
    ).toBeInstanceOf(ResourceNotFoundException);
    await c.send(new DeleteRetentionPolicyCommand({ logGroupName: 'ret' }));
    expect(await get()).toBeUndefined();
  });
});

describe('service behaviour', () => {
  it('refuses operations of the model it does not implement', async () => {
    const e = await caught(h.logs().send(new DeleteLogStreamCommand({ logGroupName: 'ret', logStreamName: 's' })));
    expect(e).toBeInstanceOf(InvalidOperationException);
    expect(e.message).toContain('does not implement CloudWatch Logs DeleteLogStream');
  });

  it('answers ThrottlingException past a rate limit and ServiceUnavailableException for injected faults', async () => {
    await h.control('POST', '/rate-limits', {
      account: '333333333333',
      service: 'logs',
      ratePerSecond: 0.001,
      burst: 1,
    });
    const c = h.logs(h.creds(2));
    await c.send(new DescribeLogGroupsCommand({}));
    const t = await caught(c.send(new DescribeLogGroupsCommand({})));
    expect(t).toBeInstanceOf(ThrottlingException);
    expect(t.$metadata.httpStatusCode).toBe(400);
    await h.control('DELETE', '/rate-limits');
    await h.control('POST', '/faults', {
      account: '333333333333',
      service: 'logs',
      operation: 'DescribeLogGroups',
      errorRate: 1,
    });
    const f = await caught(c.send(new DescribeLogGroupsCommand({})));
    expect(f).toBeInstanceOf(ServiceUnavailableException);
    expect(f.$metadata.httpStatusCode).toBe(500);
    await h.control('DELETE', '/faults');
  });
});
