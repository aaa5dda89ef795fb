import { describe, expect, it } from 'vitest';
import { csrfRefusal } from './csrf';

const req = (method: string, pathname: string, headers: Record<string, string>) => ({
  method,
  pathname,
  headers: new Headers({ host: 'trellis.example.com', ...headers }),
});
const JSON_TYPE = { 'content-type': 'application/json' };

describe('csrfRefusal', () => {
  it('lets reads through whatever their origin', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS'])
      expect(
        csrfRefusal(req(m, '/api/logs/query', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })),
      ).toBeUndefined();
  });

  it('lets a same-origin JSON POST through (Origin and/or Sec-Fetch-Site)', () => {
    const origin = { origin: 'https://trellis.example.com' };
    expect(csrfRefusal(req('POST', '/api/logs/query', { ...origin, ...JSON_TYPE }))).toBeUndefined();
    expect(
      csrfRefusal(req('POST', '/api/logs/query', { 'sec-fetch-site': 'same-origin', ...JSON_TYPE })),
    ).toBeUndefined();
    expect(csrfRefusal(req('POST', '/routing', { ...origin, 'sec-fetch-site': 'same-origin' }))).toBeUndefined();
  });

  it('refuses a POST from another site, another origin, a null origin or no origin at all', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [
        { 'sec-fetch-site': 'cross-site', origin: 'https://trellis.example.com' },
        /another site \(Sec-Fetch-Site: cross-site\)/,
      ],
      [{ 'sec-fetch-site': 'same-site' }, /another site/],
      [{ origin: 'https://evil.example' }, /another origin \(https:\/\/evil\.example\)/],
      [{ origin: 'http://trellis.example.com:8080' }, /another origin/],
      [{ origin: 'null' }, /another origin \(null\)/],
      [{}, /names no origin/],
    ];
    for (const [headers, why] of cases) {
      for (const path of ['/api/logs/query', '/routing'])
        expect(csrfRefusal(req('POST', path, { ...headers, ...JSON_TYPE }))).toEqual({
          code: 'FORBIDDEN',
          message: expect.stringMatching(why),
          retryable: false,
        });
    }
    expect(csrfRefusal(req('DELETE', '/api/x', { origin: 'https://evil.example' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('requires a JSON body for same-origin writes to route handlers, not to pages (server actions)', () => {
    const same = { origin: 'https://trellis.example.com' };
    for (const type of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; b=x'])
      expect(csrfRefusal(req('POST', '/api/logs/query', { ...same, 'content-type': type }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('application/json'),
      });
    expect(csrfRefusal(req('POST', '/api/logs/query', same))).toMatchObject({ code: 'VALIDATION' });
    expect(
      csrfRefusal(req('POST', '/routing', { ...same, 'content-type': 'text/plain;charset=UTF-8' })),
    ).toBeUndefined();
  });
});
