/** TRELLIS_TRIAGE_RECENT_SECONDS: default, accepted range, and a clear problem for anything else. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLEAR_AFTER_MS, FAST_MINUTES, LATENCY_FAST_MINUTES, RECENT_MINUTES } from './constants';
import { DEFAULT_RECENT_SECONDS, parseRecentSeconds, RECENT_SECONDS, RECENT_SECONDS_PROBLEM } from './window';

describe('the recent window setting', () => {
  it('defaults to 300 s: a 5-minute window and a 5-minute hold, as before it was configurable', () => {
    expect(parseRecentSeconds(undefined)).toEqual({ seconds: DEFAULT_RECENT_SECONDS });
    expect(parseRecentSeconds('  ')).toEqual({ seconds: 300 });
    // The test process sets no such variable: the engine's constants are the documented defaults.
    expect(process.env.TRELLIS_TRIAGE_RECENT_SECONDS).toBeUndefined();
    expect([RECENT_SECONDS, RECENT_SECONDS_PROBLEM]).toEqual([300, undefined]);
    expect([RECENT_MINUTES, FAST_MINUTES, LATENCY_FAST_MINUTES, CLEAR_AFTER_MS]).toEqual([5, 2, 2, 300_000]);
  });

  it('accepts whole seconds from 10 to 900', () => {
    expect(parseRecentSeconds('10')).toEqual({ seconds: 10 });
    expect(parseRecentSeconds(' 60 ')).toEqual({ seconds: 60 });
    expect(parseRecentSeconds('900')).toEqual({ seconds: 900 });
  });

  it('names the variable and the range for anything else, and keeps the default', () => {
    for (const raw of ['9', '901', '-5', '1.5', '5m', 'abc', '0x20']) {
      const r = parseRecentSeconds(raw);
      expect(r.seconds).toBe(300);
      expect(r.problem).toBe(
        `TRELLIS_TRIAGE_RECENT_SECONDS: must be a whole number of seconds from 10 to 900, got '${raw}'`,
      );
    }
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('a short setting shortens the window to whole minutes (fast lanes too) and the hold to the seconds', async () => {
    vi.stubEnv('TRELLIS_TRIAGE_RECENT_SECONDS', '20');
    vi.resetModules();
    const c = await import('./constants');
    expect([c.RECENT_MINUTES, c.FAST_MINUTES, c.LATENCY_FAST_MINUTES, c.CLEAR_AFTER_MS]).toEqual([1, 1, 1, 20_000]);
  });

  it('a bad setting is reported for the start-up check, and the engine keeps the default', async () => {
    vi.stubEnv('TRELLIS_TRIAGE_RECENT_SECONDS', 'soon');
    vi.resetModules();
    const w = await import('./window');
    expect(w.RECENT_SECONDS_PROBLEM).toMatch(/^TRELLIS_TRIAGE_RECENT_SECONDS: must be a whole number/);
    expect((await import('./constants')).RECENT_MINUTES).toBe(5);
  });
});
