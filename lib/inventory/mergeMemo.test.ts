import { describe, expect, it } from 'vitest';
import { mergeSegments } from './merge';
import { MergeMemo } from './mergeMemo';
import { emptyResources, type SegmentData } from './types';

const segment = (accountId: string, fetchedAt: number): SegmentData => ({
  accountId,
  name: accountId,
  region: 'us-east-1',
  reachable: true,
  fetchedAt,
  resources: emptyResources(),
  problems: [],
});
const accounts = [
  { accountId: '111111111111', name: 'hub', regions: ['us-east-1'] },
  { accountId: '222222222222', name: 'pay', regions: ['us-east-1'] },
];

describe('MergeMemo', () => {
  it('serves the same snapshot object while the accounts and the segment objects are the same', () => {
    const memo = new MergeMemo();
    const segs = [segment('111111111111', 100), segment('222222222222', 200)];
    const first = memo.merge(accounts, segs);
    expect(first).toEqual(mergeSegments(accounts, segs));
    expect(
      memo.merge(
        accounts.map((a) => ({ ...a })),
        [...segs],
      ),
    ).toBe(first);
  });

  it('merges again when a segment is replaced (a crawl or a patch), added, or the accounts change', () => {
    const memo = new MergeMemo();
    const segs = [segment('111111111111', 100), segment('222222222222', 200)];
    const first = memo.merge(accounts, segs);
    const refreshed = memo.merge(accounts, [segs[0]!, segment('222222222222', 300)]);
    expect(refreshed).not.toBe(first);
    expect(refreshed.accounts[1]!.fetchedAt).toBe(300);
    expect(memo.merge(accounts, [segs[0]!])).not.toBe(refreshed);
    const renamed = memo.merge([accounts[0]!, { ...accounts[1]!, name: 'payments' }], [segs[0]!]);
    expect(renamed.accounts[1]!.name).toBe('payments');
  });
});
