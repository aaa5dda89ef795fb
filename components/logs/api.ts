/**
 * The browser's side of POST /api/logs/query (start, poll and stop a panel's queries). Plain fetch:
 * the panels run in parallel, which server actions (dispatched one at a time) would not allow.
 */
import type { ErrorInfo } from '@/lib/domain/errors';
import type { Result } from '@/lib/domain/result';
import type { LogsAnswers, LogsRequest, StartRequest } from '@/lib/logs/queryContract';

export type { LogsAnswers, LogsRequest, StartRequest };

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
