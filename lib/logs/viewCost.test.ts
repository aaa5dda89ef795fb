import { describe, expect, it } from 'vitest';
import type { PanelState, QueryStatus } from './panelTypes';
import { viewCost } from './viewCost';

const run = (queryId: string, bytesScanned: number, status: QueryStatus = 'Complete', bytesSkipped?: number) => ({
  accountId: '111111111111',
  region: 'us-east-1',
  queryId,
  logGroupNames: ['g'],
  status,
  statistics: { recordsMatched: 1, recordsScanned: 10, bytesScanned, ...(bytesSkipped ? { bytesSkipped } : {}) },
});
const state = (runs: PanelState['runs'], indexedBy?: string): PanelState => ({
  phase: 'done',
  sources: [],
  failures: [],
  runs,
  stats: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
  ...(indexedBy ? { indexedBy } : {}),
});

describe('viewCost', () => {
  it('counts a query shared by several panels once, and sums bytes scanned and skipped', () => {
    const shared = state([run('q1', 1000)]);
    const cost = viewCost([
      shared,
      shared,
      state([run('q2', 500, 'Running', 4500)], 'serviceArn'),
      undefined,
      state([run('q1', 1000)]),
    ]);
    expect(cost).toEqual({
      queries: 2,
      running: 1,
      accounts: 1,
      bytesScanned: 1500,
      bytesSkipped: 4500,
      recordsScanned: 20,
      indexedBy: ['serviceArn'],
    });
  });

  it('counts one query per account: the same panel in two accounts is two queries (each billed on its own)', () => {
    const two = state([run('q1', 1000), { ...run('q1', 0), accountId: '222222222222' }]);
    expect(viewCost([two, two])).toMatchObject({ queries: 2, accounts: 2, bytesScanned: 1000 });
  });

  it('is zero for a view that ran nothing', () => {
    expect(viewCost([undefined, state([])])).toMatchObject({ queries: 0, bytesScanned: 0, bytesSkipped: 0 });
  });
});
