/**
 * The browser's side of POST /api/logs/query (start, poll and stop a panel's queries). Plain fetch:
 * the panels run in parallel, which server actions (dispatched one at a time) would not allow.
 */
import type { ErrorInfo } from '@/lib/domain/errors';
import type { PanelStarted, RunProgress, RunRef } from '@/lib/logs/panelTypes';
import type { PanelId } from '@/lib/logs/panelQueries';
import type { TimeWindow } from '@/lib/logs/time';
import type { BinPeriod } from '@/lib/logs/query';
import type { Result } from '@/lib/domain/result';

/** What starting a panel needs. */
export interface StartRequest {
  panel: PanelId;
  /** Filter parameters (the URL's, without time and compare). */
  params: string;
  window: TimeWindow;
  bin: BinPeriod;
  confirmed?: boolean;
}

/** Requests of the route, by op. */
export type LogsRequest =
  | ({ op: 'start' } & StartRequest)
  | { op: 'poll'; runs: RunRef[]; rows?: boolean }
  | { op: 'stop'; runs: RunRef[] };

/** Answers of the route, by op. */
export interface LogsAnswers {
  start: PanelStarted;
  poll: RunProgress[];
  stop: { stopped: number };
}

/** Sends one request; transport failures become a Result too. */
export type LogsPoster = <R extends LogsRequest>(
  req: R,
  opts?: { signal?: AbortSignal; keepalive?: boolean },
) => Promise<Result<LogsAnswers[R['op']]>>;

const ENDPOINT = '/api/logs/query';

function transportError(e: unknown): ErrorInfo {
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'UNREACHABLE',
    message: `The console did not answer (${message}). Check the connection and retry.`,
    retryable: true,
  };
}

/** The poster that talks to the console. Aborts reject with the AbortError (callers treat it as cancel). */
export const postLogs: LogsPoster = async <R extends LogsRequest>(
  req: R,
  opts: { signal?: AbortSignal; keepalive?: boolean } = {},
): Promise<Result<LogsAnswers[R['op']]>> => {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(req),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.keepalive ? { keepalive: true } : {}),
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    return { ok: false, error: transportError(e) };
  }
  try {
    return (await res.json()) as Result<LogsAnswers[R['op']]>;
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    return {
      ok: false,
      error: {
        code: 'UNKNOWN',
        message: `The console answered ${res.status} without a readable body.`,
        retryable: true,
        httpStatus: res.status,
      },
    };
  }
};
