import { describe, expect, it } from 'vitest';
import type { AwsClientFactory } from '../aws/clientFactory';
import { TrellisError } from '../domain/errors';
import { fieldsIndexedByAll, INDEX_POLICY_TTL_MS } from './indexes';
import type { LogSource } from './sources';

const group = (name: string): LogSource => ({
  arn: `arn:aws:logs:us-east-1:111111111111:log-group:${name}`,
  accountId: '111111111111',
  region: 'us-east-1',
  name,
  logs: [],
});

/** A factory whose Logs gateway answers DescribeIndexPolicies from `policies` (or throws its error). */
function fakeFactory(policies: Record<string, string[] | Error>) {
  const calls: string[] = [];
  const states = new Map<string, unknown>();
  const factory = {
    state: <T>(key: string, init: () => T): T => {
      if (!states.has(key)) states.set(key, init());
      return states.get(key) as T;
    },
    gateways: {
      logs: () => ({
        indexedFields: async (name: string) => {
          calls.push(name);
          const p = policies[name];
          if (p instanceof Error) throw p;
          return p ?? [];
        },
      }),
    },
  } as unknown as AwsClientFactory;
  return { factory, calls };
}

describe('fieldsIndexedByAll', () => {
  it('is the intersection over the groups, cached for a while', async () => {
    const { factory, calls } = fakeFactory({ a: ['serviceArn', 'responseCode'], b: ['serviceArn'] });
    const got = await fieldsIndexedByAll([group('a'), group('b')], 'u', factory, 0);
    expect([...got]).toEqual(['serviceArn']);
    await fieldsIndexedByAll([group('a')], 'u', factory, 1000);
    expect(calls).toEqual(['a', 'b']);
    await fieldsIndexedByAll([group('a')], 'u', factory, INDEX_POLICY_TTL_MS + 1);
    expect(calls).toEqual(['a', 'b', 'a']);
  });

  it('counts an unreadable policy as no index, and leaves out groups that do not exist', async () => {
    const denied = new TrellisError('ACCESS_DENIED', 'not allowed to logs:DescribeIndexPolicies');
    const missing = new TrellisError('NOT_FOUND', 'The specified log group does not exist.');
    const { factory } = fakeFactory({ a: ['serviceArn'], gone: missing, locked: denied });
    expect([...(await fieldsIndexedByAll([group('a'), group('gone')], 'u', factory, 0))]).toEqual(['serviceArn']);
    expect([...(await fieldsIndexedByAll([group('a'), group('locked')], 'u', factory, 0))]).toEqual([]);
    expect([...(await fieldsIndexedByAll([], 'u', factory, 0))]).toEqual([]);
  });

  it('asks once for panels starting together, and asks again after a failure', async () => {
    const throttled = new TrellisError('THROTTLED', 'Rate exceeded', { retryable: true });
    const policies: Record<string, string[] | Error> = { a: throttled };
    const { factory, calls } = fakeFactory(policies);
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => fieldsIndexedByAll([group('a')], 'u', factory, 0)));
    expect(five.map((s) => s.size)).toEqual([0, 0, 0, 0, 0]);
    expect(calls).toEqual(['a']);
    policies.a = ['serviceArn'];
    expect([...(await fieldsIndexedByAll([group('a')], 'u', factory, 1))]).toEqual(['serviceArn']);
    expect(calls).toEqual(['a', 'a']);
  });
});
