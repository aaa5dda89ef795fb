import { describe, expect, it } from 'vitest';
import type { Problem } from '../domain/snapshot';
import { coveredServices, type NetworkReads } from './lightLogs';

const net = (n: string, account = '111111111111') => `arn:aws:vpc-lattice:us-east-1:${account}:servicenetwork/sn-${n}`;
const svc = (n: string, account = '111111111111') => `arn:aws:vpc-lattice:us-east-1:${account}:service/svc-${n}`;
const where = { accountId: '111111111111', region: 'us-east-1' };
const assoc = (s: string, n: string) => ({
  ...where,
  arn: `${n}|${s}`,
  id: 'snsa',
  serviceArn: s,
  serviceNetworkArn: n,
});
const sub = (resourceArn: string, logType?: 'SERVICE' | 'RESOURCE') => ({
  ...where,
  arn: `${resourceArn}/als`,
  id: 'als',
  resourceArn,
  destinationArn: 'arn:aws:logs:us-east-1:111111111111:log-group:/aws/vpc-lattice/x',
  ...(logType ? { logType } : {}),
});
const problem = (operation: string, resourceArn: string): Problem => ({
  accountId: '111111111111',
  region: 'us-east-1',
  operation,
  resourceArn,
  error: { code: 'ACCESS_DENIED', message: 'denied', retryable: false },
});

function segment(o: Partial<NetworkReads> & { own: string[] }): NetworkReads {
  return {
    accountId: '111111111111',
    networks: o.networks ?? o.own,
    read: new Set(o.own),
    serviceAssociations: o.serviceAssociations ?? [],
    accessLogSubscriptions: o.accessLogSubscriptions ?? [],
    problems: o.problems ?? [],
  };
}

describe('coveredServices', () => {
  const [a, b] = [net('a'), net('b')];
  const base = {
    own: [a, b],
    serviceAssociations: [assoc(svc('1'), a), assoc(svc('2'), a), assoc(svc('2'), b), assoc(svc('3'), b)],
  };

  it('covers a service when every one of its networks logs service traffic', () => {
    const got = coveredServices([segment({ ...base, accessLogSubscriptions: [sub(a)] })]);
    // svc-2 is also in b, whose logs nobody reads: it is asked for its own.
    expect([...got]).toEqual([svc('1')]);
    const both = coveredServices([segment({ ...base, accessLogSubscriptions: [sub(a), sub(b, 'SERVICE')] })]);
    expect([...both].sort()).toEqual([svc('1'), svc('2'), svc('3')]);
  });

  it('does not count a RESOURCE subscription, nor a service’s own, as a network’s service logs', () => {
    const got = coveredServices([segment({ ...base, accessLogSubscriptions: [sub(a, 'RESOURCE'), sub(svc('1'))] })]);
    expect(got.size).toBe(0);
  });

  it('covers nothing when a network’s associations or subscriptions could not be read', () => {
    const subs = [sub(a), sub(b)];
    for (const op of ['ListServiceNetworkServiceAssociations', 'ListAccessLogSubscriptions']) {
      const got = coveredServices([segment({ ...base, accessLogSubscriptions: subs, problems: [problem(op, b)] })]);
      expect(got.size).toBe(0);
    }
  });

  it('covers nothing when a segment sees a network nobody read (an account the console is not configured for)', () => {
    const foreign = net('f', '999999999999');
    const got = coveredServices([
      segment({ ...base, networks: [a, b, foreign], accessLogSubscriptions: [sub(a), sub(b)] }),
    ]);
    expect(got.size).toBe(0);
  });

  it('takes a network read by its owner’s segment for another account’s service', () => {
    const other = svc('9', '222222222222');
    const owner = segment({ own: [a], serviceAssociations: [assoc(other, a)], accessLogSubscriptions: [sub(a)] });
    const consumer = { ...segment({ own: [], networks: [a] }), accountId: '222222222222' };
    expect([...coveredServices([owner, consumer])]).toEqual([other]);
  });
});
