/**
 * The length of triage's recent window, the one tunable of the engine that comes from the environment:
 * `TRELLIS_TRIAGE_RECENT_SECONDS` (default 300 = 5 minutes), read here and nowhere else. It sets
 *  - the recent window of every detector: ⌈seconds / 60⌉ whole minutes of the series (its bins are minutes),
 *    and the fast lanes' 2 minutes at most that;
 *  - how long a shown finding is held ("not firing now") after it stopped firing: `seconds`.
 * So a shorter window makes a finding stop firing sooner after the cause went away and clear sooner — and
 * makes detection see fewer requests (less sensitive). Tests and demos shorten it; production keeps 5 min.
 * Whole seconds from 10 to 900 (the recent series is 15 minutes); anything else is a configuration error
 * (lib/startup reports it at start). Client-safe: in a browser there is no such variable and the default holds.
 */

/** The default: the last 5 complete minutes. */
export const DEFAULT_RECENT_SECONDS = 300;
const MIN_SECONDS = 10;
const MAX_SECONDS = 900;

/** The variable's name. */
export const RECENT_SECONDS_VAR = 'TRELLIS_TRIAGE_RECENT_SECONDS';

/** The value of `raw`, or the problem with it (one line, for the start-up check). */
export function parseRecentSeconds(raw: string | undefined): { seconds: number; problem?: string } {
  const s = raw?.trim();
  if (s === undefined || s === '') return { seconds: DEFAULT_RECENT_SECONDS };
  const n = Number(s);
  if (!/^\d+$/.test(s) || n < MIN_SECONDS || n > MAX_SECONDS)
    return {
      seconds: DEFAULT_RECENT_SECONDS,
      problem:
        `${RECENT_SECONDS_VAR}: must be a whole number of seconds ` +
        `from ${MIN_SECONDS} to ${MAX_SECONDS}, got '${s}'`,
    };
  return { seconds: n };
}

const env = typeof process === 'undefined' ? undefined : process.env?.[RECENT_SECONDS_VAR];
const parsed = parseRecentSeconds(env);

/** The problem with the environment's value, if any (lib/startup stops the server with it). */
export const RECENT_SECONDS_PROBLEM = parsed.problem;
/** The configured recent window, seconds. */
export const RECENT_SECONDS = parsed.seconds;
