/** useExplorerState's logic, without React: URL → filters, window in use, query and selection parameters. */
import { describe, expect, it } from 'vitest';
import { defaultFilters, withValue } from '@/lib/logs/filters';
import { deriveExplorer, explorerUrl, resolveFor } from './explorerState';

const NOW = Date.UTC(2026, 0, 2, 12, 0, 0, 400);
const TG = 'arn:aws:vpc-lattice:us-east-1:111111111111:targetgroup/tg-0000000000000000a';

describe('explorer state', () => {
  it('has no window until one is resolved for the current query and refresh', () => {
    const v = deriveExplorer('range=15m', 0, undefined);
    expect(v.window).toBeUndefined();
    expect(v.previous).toBeUndefined();
    expect(v.resolvedAt).toBe(0);
    expect(v.filters.time).toEqual({ kind: 'relative', range: '15m' });
  });

  it('uses the resolved window (whole seconds), its previous period and bin', () => {
    const r = resolveFor('range=15m', 0, NOW);
    const v = deriveExplorer('range=15m', 0, r);
    const end = Date.UTC(2026, 0, 2, 12, 0, 1);
    expect(v.window).toEqual({ startMs: end - 15 * 60_000, endMs: end });
    expect(v.previous).toEqual({ startMs: end - 30 * 60_000, endMs: end - 15 * 60_000 });
    expect(v.resolvedAt).toBe(NOW);
    expect(v.bin).toBe('10s');
  });

  it('ignores a window resolved for other filters or before a refresh (no query started to be stopped)', () => {
    const r = resolveFor('range=15m', 0, NOW);
    expect(deriveExplorer('range=1h', 0, r).window).toBeUndefined();
    expect(deriveExplorer('range=15m', 1, r).window).toBeUndefined();
  });

  it('sends filters without time and compare, and keys the sources on the selection only', () => {
    const q = `targetGroup=${encodeURIComponent(TG)}&code=5xx&range=15m&compare=1`;
    const v = deriveExplorer(q, 0, undefined);
    const sent = new URLSearchParams(v.queryParams);
    expect(sent.get('code')).toBe('5xx');
    expect(sent.get('targetGroup')).toBe(TG);
    expect(sent.get('compare')).toBeNull();
    expect(v.selectionParams).toBe(`targetGroup=${encodeURIComponent(TG)}`);
    expect(v.filters.compare).toBe(true);
  });

  it('reports bad parameters instead of throwing', () => {
    const v = deriveExplorer('range=forever', 0, undefined);
    expect(v.problems.length).toBeGreaterThan(0);
    expect(v.filters.time).toEqual({ kind: 'relative', range: '1h' });
  });

  it('writes filters back to a URL that reads the same', () => {
    const f = withValue({ ...defaultFilters(), time: { kind: 'relative', range: '15m' } }, 'code', '503');
    const url = explorerUrl('/logs', f);
    expect(url.startsWith('/logs?')).toBe(true);
    expect(deriveExplorer(url.split('?')[1]!, 0, undefined).filters).toEqual(f);
    expect(explorerUrl('/logs', defaultFilters())).toBe('/logs');
  });
});
