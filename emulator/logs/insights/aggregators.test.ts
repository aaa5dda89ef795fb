import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { kthSmallest } from './aggregators';
import { compileQuery, startExecution } from './index';
import type { LogBatch } from './source';

describe('kthSmallest', () => {
  it('agrees with sorting on random arrays with many duplicates, at every rank', () => {
    const rng = new Rng(7);
    for (let round = 0; round < 200; round++) {
      const n = rng.int(1, 60);
      const values = Array.from({ length: n }, () => rng.int(0, round % 2 ? 5 : 1000));
      const sorted = [...values].sort((a, b) => a - b);
      for (let k = 0; k < n; k++) expect(kthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
    }
  });
});

describe('pct over a growing query', () => {
  it('answers again after more values arrive (no stale memo)', () => {
    const batch = (from: number, n: number): LogBatch => ({
      length: n,
      logGroupId: '1:g',
      timestamp: (i) => from + i,
      ingestionTime: (i) => from + i,
      logStream: () => 's',
      message: () => '{}',
      messageBytes: () => 2,
      ptr: (i) => String(i),
      field: (name) => (name === 'd' ? (i) => from + i : undefined),
      fieldNames: () => ['d'],
    });
    const run = startExecution(compileQuery('stats pct(d, 50) as p'), { startMs: 0, endMs: 10_000 });
    run.consume(batch(0, 100));
    expect(run.results()[0]).toEqual([{ field: 'p', value: '49' }]);
    expect(run.results()[0]).toEqual([{ field: 'p', value: '49' }]);
    run.consume(batch(1000, 100));
    expect(run.results()[0]).toEqual([{ field: 'p', value: '99' }]);
  });
});
