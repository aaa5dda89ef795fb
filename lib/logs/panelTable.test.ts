import { describe, expect, it } from 'vitest';
import { defaultFilters } from './filters';
import { BREAKDOWN_DIMS } from './panelQueries';
import { LOG_PANELS, PANEL_IDS, panelDef, panelQuery } from './panelTable';
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
    expect(panelDef('records').polling).toMatchObject({ rowsWhileRunning: false, newestFirst: 1000 });
    expect(panelDef('top-code').polling).toEqual({ rowsWhileRunning: true });
    expect(LOG_PANELS.filter((p) => !p.comparable).map((p) => p.id)).toEqual(['records']);
  });

  it('builds each query from the entry, and folds rows with the entry’s own field', () => {
    expect(printQuery(panelQuery('top-targetGroup', defaultFilters(), '1m'))).toContain('by targetGroupArn');
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
});
