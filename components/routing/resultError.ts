/**
 * Server actions answer `Result` values; queries and mutations throw a `ResultError` for a failed
 * one so TanStack Query's error state carries the ErrorInfo (code, AWS words, request id).
 */
import type { ErrorInfo } from '@/lib/domain/errors';
import type { Result } from '@/lib/domain/result';

/** A failed Result as an Error. */
export class ResultError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'ResultError';
  }
}

/** The value of a Result, or throws its error. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new ResultError(r.error);
  return r.value;
}

/** The ErrorInfo of anything a query or mutation threw. */
export function errorInfoOf(e: unknown): ErrorInfo {
  if (e instanceof ResultError) return e.info;
  return { code: 'UNKNOWN', message: e instanceof Error ? e.message : String(e), retryable: true };
}
