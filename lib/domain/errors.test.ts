import { describe, expect, it } from 'vitest';
import { httpStatusOf, isTrellisError, toErrorInfo, TrellisError } from './errors';
import { attempt, err, mapResult, ok, unwrapOr } from './result';

describe('TrellisError', () => {
  it('defaults retryable by code and serialises without undefined fields', () => {
    const t = new TrellisError('THROTTLED', 'slow down', { account: '111111111111', requestId: 'r1' });
    expect(t.retryable).toBe(true);
    expect(t.toInfo()).toEqual({
      code: 'THROTTLED',
      message: 'slow down',
      retryable: true,
      account: '111111111111',
      requestId: 'r1',
    });
    expect(JSON.parse(JSON.stringify(t.toInfo()))).toEqual(t.toInfo());
    expect(new TrellisError('NOT_FOUND', 'gone').retryable).toBe(false);
    expect(new TrellisError('NOT_FOUND', 'gone', { retryable: true }).retryable).toBe(true);
  });

  it('is recognised across module copies by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'TrellisError', code: 'CONFLICT' });
    expect(isTrellisError(foreign)).toBe(true);
    expect(isTrellisError(Object.assign(new Error('x'), { name: 'TrellisError', code: 'NOPE' }))).toBe(false);
  });

  it('turns anything thrown into ErrorInfo without stacks', () => {
    expect(toErrorInfo(new TrellisError('QUOTA', 'full'))).toEqual({
      code: 'QUOTA',
      message: 'full',
      retryable: false,
    });
    expect(toErrorInfo(new Error('plain'))).toEqual({ code: 'UNKNOWN', message: 'plain', retryable: false });
    expect(toErrorInfo(42)).toEqual({ code: 'UNKNOWN', message: 'Unexpected error', retryable: false });
  });

  it('maps codes to HTTP statuses', () => {
    expect([
      httpStatusOf('UNAUTHENTICATED'),
      httpStatusOf('FORBIDDEN'),
      httpStatusOf('THROTTLED'),
      httpStatusOf('TIMEOUT'),
    ]).toEqual([401, 403, 429, 504]);
  });
});

describe('Result', () => {
  it('captures success and failure as data', async () => {
    expect(await attempt(() => 1)).toEqual({ ok: true, value: 1 });
    expect(
      await attempt(async () => {
        throw new TrellisError('VALIDATION', 'weight must be 0-999');
      }),
    ).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'weight must be 0-999', retryable: false } });
    expect(mapResult(ok(2), (n) => n * 2)).toEqual(ok(4));
    const failed = err<number>({ code: 'UNKNOWN', message: 'x', retryable: false });
    expect(mapResult(failed, (n) => n * 2)).toBe(failed);
    expect(unwrapOr(failed, 7)).toBe(7);
  });
});
