import { describe, expect, it } from 'vitest';
import { defaultFilters } from './filters';
import { BREAKDOWN_DIMS } from './panelQueries';
import { LOG_PANELS, PANEL_IDS, panelDef, panelQuery, QUERY_PANEL_IDS, queryPanelOf } from './panelTable';
import type { PanelState } from './panelTypes';
import { printQuery } from './query';

const state = (rows: Array<Record<string, string>>): PanelState => ({
  phase: 'done',
  sources: [],
  failures: [],
  stats: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
  runs: [
    {
      accountId: '111111111111',
      region: 'us-east-1',
      queryId: 'q',
      logGroupNames: [],
      status: 'Complete',
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
      rows,
    },
  ],
});

describe('the panel table', () => {
  it('has one entry per id, a breakdown per dimension, histogram first and records last', () => {
    expect(new Set(PANEL_IDS).size).toBe(PANEL_IDS.length);
    for (const d of BREAKDOWN_DIMS) expect(panelDef(`top-${d}`)).toMatchObject({ view: 'breakdown', dim: d });
    expect(PANEL_IDS[0]).toBe('histogram');
    expect(PANEL_IDS.at(-1)).toBe('records');
    expect(() => panelDef('top-nothing' as never)).toThrow(/Unknown panel/);
  });

  it('carries each panel’s polling policy (no special cases by id elsewhere)', () => {
    expect(panelDef('latency').polling).toEqual({ rowsWhileRunning: false, pollMs: 800 });
    expect(panelDef('records').polling).toEqual({ rowsWhileRunning: false });
    expect(panelDef('records').after).toBe('histogram');
    expect(panelDef('top-code').polling).toEqual({ rowsWhileRunning: true });
    expect(LOG_PANELS.filter((p) => !p.comparable).map((p) => p.id)).toEqual(['records']);
  });

  it('builds each query from the entry, and folds rows with the entry’s own field', () => {
    expect(printQuery(panelQuery('top-path', defaultFilters(), '1m'))).toContain('by requestPath');
    const def = panelDef('top-code');
    if (def.view !== 'breakdown') throw new Error('not a breakdown');
    const items = def.fold(
      state([
        { responseCode: '503', n: '7' },
        { responseCode: '200', n: '90' },
      ]),
      10,
    );
    expect(items.map((i) => [i.value, i.n])).toEqual([
      ['200', 90],
      ['503', 7],
    ]);
  });

  it('runs one query for the panels that share a stats pass: 3 queries for 10 panels, paths on demand', () => {
    expect(QUERY_PANEL_IDS).toEqual(['histogram', 'top-path', 'records']);
    for (const id of [
      'latency',
      'top-code',
      'top-authDenied',
      'top-failure',
      'top-user',
      'top-sourceVpc',
      'top-targetGroup',
    ] as const)
      expect(queryPanelOf(id)).toBe('histogram');
    expect(queryPanelOf('top-path')).toBe('top-path');
    // Latency estimates from the traffic pass; asked for its exact figures, it runs its own query.
    expect(queryPanelOf('latency', true)).toBe('latency');
    expect(queryPanelOf('top-user', true)).toBe('histogram');
    expect(LOG_PANELS.filter((p) => p.exactOnDemand).map((p) => p.id)).toEqual(['latency']);
    expect(printQuery(panelQuery('latency', defaultFilters(), '1m'))).toMatch(/pct\(duration, 99\) as p99/);
    expect(LOG_PANELS.filter((p) => p.onDemand).map((p) => p.id)).toEqual(['top-path']);
    expect(panelDef('histogram').polling.sliced).toBe(true);
    // A hosted panel's query is its host's, so a request for either is the same query.
    for (const p of LOG_PANELS.filter((d) => !d.exactOnDemand))
      expect(printQuery(p.query(defaultFilters(), '1m'))).toBe(
        printQuery(panelQuery(queryPanelOf(p.id), defaultFilters(), '1m')),
      );
  });

  it('folds each breakdown of a shared pass from the same rows (counts summed over the other fields)', () => {
    const rows = [
      { targetGroupArn: 'tg-a', sourceVpcId: 'vpc-1', resolvedUser: 'alice', n: '5' },
      { targetGroupArn: 'tg-a', sourceVpcId: 'vpc-2', resolvedUser: 'bob', n: '3' },
      { targetGroupArn: 'tg-b', sourceVpcId: 'vpc-2', resolvedUser: 'alice', n: '4' },
    ];
    const fold = (id: 'top-targetGroup' | 'top-sourceVpc' | 'top-user') => {
      const def = panelDef(id);
      if (def.view !== 'breakdown') throw new Error('not a breakdown');
      return def.fold(state(rows), 10).map((i) => [i.value, i.n]);
    };
    expect(fold('top-targetGroup')).toEqual([
      ['tg-a', 8],
      ['tg-b', 4],
    ]);
    expect(fold('top-sourceVpc')).toEqual([
      ['vpc-2', 7],
      ['vpc-1', 5],
    ]);
    expect(fold('top-user')).toEqual([
      ['alice', 9],
      ['bob', 3],
    ]);
  });
});
