import { afterEach, describe, expect, it } from 'vitest';
import { logEvent, redact, setLogSink } from './log';
import { requestIdFrom } from './requestId';

afterEach(() => setLogSink());

describe('logEvent', () => {
  it('writes one JSON line with time, level, message and fields', () => {
    const lines: string[] = [];
    setLogSink((l) => lines.push(l));
    logEvent('info', 'action', { user: 'alice@example.com', latencyMs: 12, skipped: undefined });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: 'info',
      msg: 'action',
      user: 'alice@example.com',
      latencyMs: 12,
    });
  });

  it('never writes secrets: secret-looking keys, access keys, JWTs, demo secrets', () => {
    const jwt = 'eyJhbGciOiJFUzI1NiJ9=.eyJzdWIiOiJ4In0=.c2lnbmF0dXJl';
    const out = redact({
      secretAccessKey: 'abc',
      sessionToken: 'def',
      externalId: 'trellis-demo',
      headers: { authorization: 'Bearer x', 'x-amzn-oidc-data': jwt },
      message: `AccessDenied for AKIATRELLISHUB000001 with ${jwt} and trellis-emulator-hub-secret`,
      nested: [{ password: 'p' }],
    });
    const text = JSON.stringify(out);
    for (const secret of [
      'abc',
      'def',
      'trellis-demo',
      'Bearer',
      'AKIATRELLISHUB000001',
      'eyJ',
      'trellis-emulator-hub-secret',
      '"p"',
    ])
      expect(text).not.toContain(secret);
    expect(out).toMatchObject({
      message: 'AccessDenied for [redacted] with [redacted] and [redacted]',
      secretAccessKey: '[redacted]',
    });
  });

  it('keeps errors as name and message, never the stack', () => {
    expect(redact(new TypeError('boom'))).toEqual({ name: 'TypeError', message: 'boom' });
  });
});

describe('requestIdFrom', () => {
  it('uses the ALB trace root, or a fresh UUID for anything else', () => {
    expect(
      requestIdFrom(
        new Headers({
          'x-amzn-trace-id': 'Self=1-67891234-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678',
        }),
      ),
    ).toBe('1-67891233-abcdef012345678912345678');
    expect(requestIdFrom(new Headers({ 'x-amzn-trace-id': 'Root=1-"}{injected' }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
  });
});
