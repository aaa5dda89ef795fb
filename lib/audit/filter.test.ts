import { describe, expect, it } from 'vitest';
import { auditFilterParams, auditQuery, auditWindow, parseAuditFilter } from './filter';
import { printQuery } from '../logs/query';

describe('parseAuditFilter / auditFilterParams', () => {
  it('round-trips through the URL', () => {
    const f = parseAuditFilter(new URLSearchParams('user=alice&resource=svc-1&result=conflict&range=24h'));
    expect(f).toEqual({ user: 'alice', resource: 'svc-1', result: 'conflict', range: '24h' });
    expect(parseAuditFilter(auditFilterParams(f))).toEqual(f);
  });

  it('ignores bad values and keeps absolute times', () => {
    expect(parseAuditFilter(new URLSearchParams('result=nope&range=5y&user=%20%20'))).toEqual({ range: '7d' });
    const f = parseAuditFilter(new URLSearchParams('from=2025-01-01T00:00:00.000Z&to=1735776000000'));
    expect(f.from).toBe(Date.parse('2025-01-01T00:00:00.000Z'));
    expect(f.to).toBe(1735776000000);
    expect(auditFilterParams(f).get('from')).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('auditWindow', () => {
  it('ends now for a relative range', () => {
    expect(auditWindow({ range: '1h' }, 10_000_000)).toEqual({ startMs: 10_000_000 - 3_600_000, endMs: 10_000_000 });
    expect(auditWindow({ range: '1h', from: 5, to: 6 }, 99)).toEqual({ startMs: 5, endMs: 1005 });
  });
});

describe('auditQuery', () => {
  it('keeps user text as literals', () => {
    const text = printQuery(auditQuery({ user: 'a" | stats count(*)', resource: 'rule-1', result: 'applied' }));
    expect(text).toBe(
      'fields @timestamp, @message\n| filter (v = 1) and ((user.id = "a\\" | stats count(*)") or ' +
        '(user.name = "a\\" | stats count(*)")) and (resources like "rule-1") and (result = "applied")\n' +
        '| sort @timestamp desc\n| limit 200',
    );
    expect(printQuery(auditQuery({}))).toContain('filter v = 1');
  });
});
