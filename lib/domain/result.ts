/**
 * `Result<T>`: the plain, serialisable outcome of a server call, so errors cross to the client as
 * data (server actions cannot throw typed errors across the boundary). Pure.
 */
import { toErrorInfo, type ErrorInfo } from './errors';

/** Success with a value, or failure with an `ErrorInfo`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result. */
export function err<T = never>(error: ErrorInfo): Result<T> {
  return { ok: false, error };
}

/** Runs `fn` and captures a thrown error as a failed result (see `toErrorInfo`). */
export async function attempt<T>(fn: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await fn());
  } catch (e) {
    return err(toErrorInfo(e));
  }
}

/** Transforms the value of a successful result; failures pass through. */
export function mapResult<T, U>(r: Result<T>, fn: (value: T) => U): Result<U> {
  return r.ok ? ok(fn(r.value)) : r;
}

/** The value of a successful result, or `fallback`. */
export function unwrapOr<T>(r: Result<T>, fallback: T): T {
  return r.ok ? r.value : fallback;
}
