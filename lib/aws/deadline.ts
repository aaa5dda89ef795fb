/**
 * An overall deadline for a piece of AWS work (all SDK attempts and retries included), so a slow
 * or hanging endpoint becomes a TIMEOUT error instead of a page that never loads.
 */
import 'server-only';
import { TrellisError } from '../domain/errors';

/**
 * Runs `fn` with an AbortSignal that fires after `ms`; pass it to `client.send(cmd, { abortSignal })`.
 * Rejects with a TIMEOUT `TrellisError` at the deadline even if `fn` ignores the signal.
 * `parent` (e.g. the request's signal) aborts the work early with its own reason.
 */
export async function withDeadline<T>(
  ms: number,
  fn: (signal: AbortSignal) => Promise<T>,
  what: string,
  parent?: AbortSignal,
): Promise<T> {
  const ctl = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onParentAbort: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const e = new TrellisError(
        'TIMEOUT',
        `${what} did not finish within ${ms} ms — AWS is slow or unreachable; retry, ` +
          `and check the network path if it keeps happening.`,
        { retryable: true },
      );
      ctl.abort(e);
      reject(e);
    }, ms);
    if (parent) {
      onParentAbort = () => {
        ctl.abort(parent.reason);
        reject(
          parent.reason instanceof Error
            ? parent.reason
            : new TrellisError('TIMEOUT', `${what} was cancelled`, { retryable: true }),
        );
      };
      if (parent.aborted) onParentAbort();
      else parent.addEventListener('abort', onParentAbort, { once: true });
    }
  });
  try {
    return await Promise.race([fn(ctl.signal), stopped]);
  } finally {
    clearTimeout(timer);
    if (parent && onParentAbort) parent.removeEventListener('abort', onParentAbort);
  }
}
