import { describe, expect, it } from 'vitest';
import { evaluateRules, ruleMatches, type RequestFacts } from './ruleMatch';
import type { RuleMatch } from './types';

const req = (method: string, path: string, headers: Record<string, string> = {}): RequestFacts => ({
  method,
  path,
  headers,
});
type R = { name: string; isDefault: boolean; priority?: number; match?: RuleMatch };

describe('ruleMatches', () => {
  it('matches path exact and prefix, ignoring the query string, case-insensitive by default', () => {
    const exact: RuleMatch = { httpMatch: { pathMatch: { match: { exact: '/refund' } } } };
    expect(ruleMatches(exact, req('GET', '/refund'))).toBe(true);
    expect(ruleMatches(exact, req('GET', '/refund?x=1'))).toBe(true);
    expect(ruleMatches(exact, req('GET', '/REFUND'))).toBe(true);
    expect(ruleMatches(exact, req('GET', '/refunds'))).toBe(false);
    const prefix: RuleMatch = { httpMatch: { pathMatch: { match: { prefix: '/v2/' } } } };
    expect(ruleMatches(prefix, req('GET', '/v2/pay'))).toBe(true);
    expect(ruleMatches(prefix, req('GET', '/v2'))).toBe(false);
  });

  it('honours caseSensitive on paths and headers', () => {
    const path: RuleMatch = { httpMatch: { pathMatch: { match: { prefix: '/Api' }, caseSensitive: true } } };
    expect(ruleMatches(path, req('GET', '/Api/x'))).toBe(true);
    expect(ruleMatches(path, req('GET', '/api/x'))).toBe(false);
    const header: RuleMatch = {
      httpMatch: { headerMatches: [{ name: 'x-debug', match: { exact: 'True' }, caseSensitive: true }] },
    };
    expect(ruleMatches(header, req('GET', '/', { 'X-Debug': 'True' }))).toBe(true);
    expect(ruleMatches(header, req('GET', '/', { 'x-debug': 'true' }))).toBe(false);
  });

  it('matches header exact, prefix and contains; header names are case-insensitive; absent headers never match', () => {
    const h = (match: { exact?: string; prefix?: string; contains?: string }): RuleMatch => ({
      httpMatch: { headerMatches: [{ name: 'User-Agent', match }] },
    });
    expect(ruleMatches(h({ exact: 'curl/8' }), req('GET', '/', { 'user-agent': 'CURL/8' }))).toBe(true);
    expect(ruleMatches(h({ prefix: 'mozilla' }), req('GET', '/', { 'user-agent': 'Mozilla/5.0' }))).toBe(true);
    expect(ruleMatches(h({ contains: 'bot' }), req('GET', '/', { 'user-agent': 'googlebot/2' }))).toBe(true);
    expect(ruleMatches(h({ contains: 'bot' }), req('GET', '/', { 'user-agent': 'human' }))).toBe(false);
    expect(ruleMatches(h({ contains: 'bot' }), req('GET', '/', {}))).toBe(false);
  });

  it('requires every condition: method, path and all headers', () => {
    const m: RuleMatch = {
      httpMatch: {
        method: 'POST',
        pathMatch: { match: { exact: '/refund' } },
        headerMatches: [
          { name: 'a', match: { exact: '1' } },
          { name: 'b', match: { exact: '2' } },
        ],
      },
    };
    expect(ruleMatches(m, req('POST', '/refund', { a: '1', b: '2' }))).toBe(true);
    expect(ruleMatches(m, req('GET', '/refund', { a: '1', b: '2' }))).toBe(false);
    expect(ruleMatches(m, req('POST', '/refund', { a: '1' }))).toBe(false);
    expect(ruleMatches(undefined, req('GET', '/anything'))).toBe(true);
    expect(ruleMatches({}, req('GET', '/'))).toBe(false);
  });
});

describe('evaluateRules', () => {
  const rules: R[] = [
    { name: 'default', isDefault: true },
    {
      name: 'canary',
      isDefault: false,
      priority: 30,
      match: { httpMatch: { pathMatch: { match: { prefix: '/v2/' } } } },
    },
    {
      name: 'debug',
      isDefault: false,
      priority: 10,
      match: { httpMatch: { headerMatches: [{ name: 'x-debug', match: { exact: 'true' } }] } },
    },
    {
      name: 'refund',
      isDefault: false,
      priority: 20,
      match: { httpMatch: { method: 'POST', pathMatch: { match: { exact: '/refund' } } } },
    },
  ];

  it('picks the matching rule with the lowest priority number, else the default', () => {
    expect(evaluateRules(rules, req('GET', '/v2/pay'))?.name).toBe('canary');
    expect(evaluateRules(rules, req('GET', '/v2/pay', { 'x-debug': 'true' }))?.name).toBe('debug');
    expect(evaluateRules(rules, req('POST', '/refund'))?.name).toBe('refund');
    expect(evaluateRules(rules, req('GET', '/refund'))?.name).toBe('default');
    expect(evaluateRules([], req('GET', '/'))).toBeUndefined();
  });
});
