import { describe, expect, it } from 'vitest';
import { DEMO, demoLike } from '../../graph/testing/fixtures';
import type { Finding } from '../types';
import { places } from '../where';
import { shift } from '../testing';
import { bestChange, changeFindings, changeWords, correlate } from './change';

const snap = demoLike();
const p = places(snap);
const rule = snap.rules[0]!;
const T = Date.UTC(2026, 0, 5, 9, 30);

function finding(onset: number, where: Partial<Finding['where']> = { targetGroupArn: DEMO.v2 }): Finding {
  return {
    id: 'error-rate|x',
    kind: 'error-rate',
    severity: 'high',
    title: 't',
    detail: 'd',
    where: { accountId: '222222222222', region: 'us-east-1', ...where },
    onset: new Date(onset).toISOString(),
    asOf: new Date(onset).toISOString(),
    score: 1,
  };
}

describe('change', () => {
  it('describes a weight shift in plain words, as an info finding', () => {
    const [f] = changeFindings([shift(T, [90, 10], [50, 50])], p, T + 60_000);
    expect(f?.title).toBe(
      'payments-api: weights 90/10 → 50/50 (payments-api-v1/payments-api-v2) on rule v2-canary by alice',
    );
    expect(f?.severity).toBe('info');
    expect(f?.where.ruleArn).toBe(rule.arn);
    expect(changeFindings([shift(T, [90, 10], [50, 50])], p, T + 2 * 3_600_000)).toEqual([]);
  });

  it('attaches the change a finding started 40 s after, in words', () => {
    const [f] = correlate([finding(T + 40_000)], [shift(T, [90, 10], [50, 50])], p);
    expect(f?.change).toMatchObject({ actor: 'alice', secondsBeforeOnset: 40 });
    expect(f?.detail).toBe(
      'd; started 40 s after weights 90/10 → 50/50 (payments-api-v1/payments-api-v2) on rule v2-canary by alice',
    );
  });

  it('prefers the closer and more specific change; ignores changes outside [onset − 10 min, onset + 2 min]', () => {
    const near = shift(T - 60_000, [90, 10], [80, 20], 'bob');
    const far = shift(T - 8 * 60_000, [80, 20], [90, 10], 'carol');
    expect(bestChange(finding(T), [far, near], p)?.actor).toBe('bob');
    expect(bestChange(finding(T), [shift(T - 11 * 60_000, [90, 10], [50, 50])], p)).toBeUndefined();
    expect(bestChange(finding(T), [shift(T + 3 * 60_000, [90, 10], [50, 50])], p)).toBeUndefined();
    // A change on another service does not explain a finding of this one.
    expect(bestChange(finding(T, { serviceArn: DEMO.ledger }), [shift(T, [90, 10], [50, 50])], p)).toBeUndefined();
    // Failed attempts changed nothing.
    expect(bestChange(finding(T), [{ ...shift(T, [90, 10], [50, 50]), result: 'conflict' }], p)).toBeUndefined();
  });

  it('changeWords says before/after and minutes', () => {
    const c = { eventId: 'e', time: '', actor: 'al', summary: 's', secondsBeforeOnset: -30 };
    expect(changeWords(c)).toBe('started 30 s before s by al');
    expect(changeWords({ ...c, secondsBeforeOnset: 300 })).toBe('started 5 min after s by al');
  });
});
