/** Windows, bins, the previous period, late logs and the wide-query threshold. */
import { describe, expect, it } from 'vitest';
import {
  binFor,
  durationMs,
  mayBeIncomplete,
  needsConfirmation,
  parseTimeParams,
  previousWindow,
  resolveWindow,
  spanLabel,
  timeToParams,
} from './time';

const NOW = Date.UTC(2024, 4, 1, 12, 0, 30, 250);

describe('time windows', () => {
  it('resolves a relative range to whole seconds ending now', () => {
    const w = resolveWindow({ kind: 'relative', range: '1h' }, NOW);
    expect(w).toEqual({ startMs: Date.UTC(2024, 4, 1, 11, 0, 31), endMs: Date.UTC(2024, 4, 1, 12, 0, 31) });
    expect(previousWindow(w)).toEqual({ startMs: Date.UTC(2024, 4, 1, 10, 0, 31), endMs: w.startMs });
  });

  it('keeps absolute ranges and prints them back', () => {
    const t = parseTimeParams({ from: '2024-05-01T09:00:00.400Z', to: '2024-05-01T12:30:00+02:00' });
    expect(t.problems).toEqual([]);
    expect(t.time).toEqual({ kind: 'absolute', fromMs: Date.UTC(2024, 4, 1, 9), toMs: Date.UTC(2024, 4, 1, 10, 30) });
    expect(timeToParams(t.time)).toEqual([
      ['from', '2024-05-01T09:00:00Z'],
      ['to', '2024-05-01T10:30:00Z'],
    ]);
  });

  it('chooses bins that keep at most 180 bars', () => {
    const w = (ms: number) => ({ startMs: 0, endMs: ms });
    expect(binFor(w(durationMs('5m')))).toBe('10s');
    expect(binFor(w(durationMs('1h')))).toBe('30s');
    expect(binFor(w(durationMs('3h')))).toBe('1m');
    expect(binFor(w(durationMs('24h')))).toBe('10m');
    expect(binFor(w(durationMs('7d')))).toBe('1h');
  });

  it('says when the end of the window may still be missing logs', () => {
    expect(mayBeIncomplete({ startMs: 0, endMs: NOW }, NOW)).toBe(true);
    expect(mayBeIncomplete({ startMs: 0, endMs: NOW - 3 * 60_000 }, NOW)).toBe(false);
  });

  it('asks first for wide queries only', () => {
    const h = 3_600_000;
    expect(needsConfirmation({ startMs: 0, endMs: h }, 20)).toBe(false);
    expect(needsConfirmation({ startMs: 0, endMs: 24 * h }, 2)).toBe(false);
    expect(needsConfirmation({ startMs: 0, endMs: 24 * h }, 3)).toBe(true);
    expect(needsConfirmation({ startMs: 0, endMs: 7 * 24 * h }, 1)).toBe(true);
  });

  it('omits the default range from the URL and labels spans', () => {
    expect(timeToParams({ kind: 'relative', range: '1h' })).toEqual([]);
    expect(
      timeToParams({ kind: 'absolute', fromMs: Date.UTC(2024, 4, 1, 9), toMs: Date.UTC(2024, 4, 1, 9, 30) }),
    ).toEqual([
      ['from', '2024-05-01T09:00:00Z'],
      ['to', '2024-05-01T09:30:00Z'],
    ]);
    expect(spanLabel(90 * 60_000)).toBe('90m');
    expect(spanLabel(3 * 3_600_000)).toBe('3h');
    expect(spanLabel(51 * 3_600_000)).toBe('2d 3h');
  });
});
