import { describe, expect, it } from 'vitest';
import type { Finding, TriageError } from '@/lib/triage/types';
import {
  absoluteTime,
  auditHref,
  bytesWords,
  changeLine,
  durationWords,
  errorsByAccount,
  layoutFindings,
  relativeTime,
  subjectParts,
  sparkShape,
  sparkValue,
  summaryLine,
  whereParts,
} from './nowView';

const NOW = Date.parse('2026-12-03T07:20:00Z');
const SVC = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdef0';
const L = `${SVC}/listener/listener-0123456789abcdef0`;
const R = `${L}/rule/rule-0123456789abcdef0`;
const TG = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdef0';
const NET = 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdef0';

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'f',
    kind: 'error-rate',
    severity: 'high',
    title: 'payments-api-v2: 27 % 5xx',
    detail: '',
    where: { accountId: '222222222222', region: 'us-east-1' },
    onset: '2026-12-03T07:15:00Z',
    asOf: '2026-12-03T07:19:00Z',
    score: 1,
    ...over,
  };
}

describe('times', () => {
  it('says how long ago in seconds, minutes, hours and days', () => {
    expect(relativeTime('2026-12-03T07:19:20Z', NOW)).toBe('40 s ago');
    expect(relativeTime('2026-12-03T07:15:00Z', NOW)).toBe('5 min ago');
    expect(relativeTime('2026-12-03T04:20:00Z', NOW)).toBe('3 h ago');
    expect(relativeTime('2026-11-30T07:20:00Z', NOW)).toBe('3 d ago');
    expect(relativeTime('2026-12-03T07:20:05Z', NOW)).toBe('in 5 s');
    expect(relativeTime('not a time', NOW)).toBe('unknown time');
  });

  it('gives UTC clock times, with the date when not today', () => {
    expect(absoluteTime('2026-12-03T07:15:03Z', NOW)).toBe('07:15:03 UTC');
    expect(absoluteTime('2026-12-02T23:59:10Z', NOW)).toBe('2026-12-02 23:59:10 UTC');
    expect(absoluteTime('garbage', NOW)).toBe('garbage');
  });

  it('words a data age', () => {
    expect(durationWords(12_400)).toBe('12 s');
    expect(durationWords(185_000)).toBe('3 min 05 s');
    expect(durationWords(7_800_000)).toBe('2 h 10 min');
    expect(durationWords(-5)).toBe('0 s');
  });
});

describe('whereParts', () => {
  it('names every part with links to the graph and the rule editor', () => {
    const parts = whereParts({
      accountId: '222222222222',
      region: 'us-east-1',
      networkArn: NET,
      networkName: 'prod-mesh',
      serviceArn: SVC,
      serviceName: 'payments-api',
      listenerArn: L,
      ruleArn: R,
      ruleName: 'v2-canary',
      targetGroupArn: TG,
      targetGroupName: 'payments-api-v2',
    });
    expect(parts.map((p) => [p.label, p.text])).toEqual([
      ['account', '222222222222 · us-east-1'],
      ['network', 'prod-mesh'],
      ['service', 'payments-api'],
      ['target group', 'payments-api-v2'],
      ['rule', 'v2-canary'],
    ]);
    expect(parts[2]!.href).toBe(`/topology?sel=${encodeURIComponent(SVC)}`);
    expect(parts[3]!.href).toBe(`/topology?sel=${encodeURIComponent(TG)}`);
    const rule = new URL(parts[4]!.href!, 'http://x');
    expect(rule.pathname).toBe('/routing');
    expect(Object.fromEntries(rule.searchParams)).toEqual({ service: SVC, listener: L, rule: R });
  });

  it('leaves out absent parts and falls back to the ARN id for missing names', () => {
    const parts = whereParts({ accountId: '222222222222', region: '', targetGroupArn: TG, ruleArn: R });
    expect(parts.map((p) => p.text)).toEqual(['222222222222', 'tg-0123456789abcdef0', 'rule-0123456789abcdef0']);
    // A rule without its service cannot be opened in the editor.
    expect(parts[2]!.href).toBeUndefined();
  });

  it('opens a default action as `rule=default`', () => {
    const [, , rule] = whereParts({ accountId: '2', region: 'r', serviceArn: SVC, ruleArn: R, ruleName: 'default' });
    expect(new URL(rule!.href!, 'http://x').searchParams.get('rule')).toBe('default');
  });
});

describe('subjectParts', () => {
  it('adds principal, reason, code and targets only when the title and detail do not say them', () => {
    expect(
      subjectParts({
        title: 'payments-api: new denials of arn:aws:iam::1:role/intruder',
        detail: '12 in 5 min, none before',
        principal: 'arn:aws:iam::1:role/intruder',
        reason: 'Service',
        responseCode: 403,
        targetIds: ['10.0.0.1', '10.0.0.2'],
      }),
    ).toEqual(['reason Service', 'code 403', 'targets 10.0.0.1, 10.0.0.2']);
    expect(
      subjectParts({ title: 'tg: 2 of 4 unhealthy', detail: '10.0.0.1, 10.0.0.2', targetIds: ['10.0.0.1'] }),
    ).toEqual([]);
  });
});

describe('changeLine', () => {
  const c = {
    eventId: 'e1',
    time: '2026-12-03T07:14:20Z',
    actor: 'alice',
    summary: 'weights 90/10 → 50/50 on rule v2-canary',
    secondsBeforeOnset: 40,
  };
  it('says how long after (or before) which change by whom', () => {
    expect(changeLine(c)).toBe('started 40 s after weights 90/10 → 50/50 on rule v2-canary by alice');
    expect(changeLine({ ...c, secondsBeforeOnset: -300 })).toBe(
      'started 5 min before weights 90/10 → 50/50 on rule v2-canary by alice',
    );
  });
  it('links the audit log around the change', () => {
    const u = new URL(auditHref(c), 'http://x');
    expect(u.pathname).toBe('/audit');
    expect(Number(u.searchParams.get('from'))).toBe(Date.parse(c.time) - 600_000);
    expect(Number(u.searchParams.get('to'))).toBe(Date.parse(c.time) + 600_000);
    expect(auditHref({ ...c, time: 'x' })).toBe('/audit');
  });
});

describe('sparkShape', () => {
  it('scales the series to the box, peak at the top, in time order', () => {
    const s = sparkShape(
      [
        { t: 120_000, value: 0.5 },
        { t: 0, value: 0 },
        { t: 60_000, value: 0.25 },
      ],
      102,
      22,
    );
    expect(s).toEqual({ points: '1.0,21.0 51.0,11.0 101.0,1.0', peak: 0.5, last: 0.5 });
  });
  it('draws a flat line for an all-zero series and nothing for fewer than two points', () => {
    expect(
      sparkShape(
        [
          { t: 0, value: 0 },
          { t: 1, value: 0 },
        ],
        12,
        12,
      )?.points,
    ).toBe('1.0,11.0 11.0,11.0');
    expect(sparkShape([{ t: 0, value: 1 }], 10, 10)).toBeUndefined();
    expect(sparkShape(undefined, 10, 10)).toBeUndefined();
    expect(
      sparkShape(
        [
          { t: 0, value: Number.NaN },
          { t: 1, value: 2 },
        ],
        10,
        10,
      ),
    ).toBeUndefined();
  });
  it('formats values by kind', () => {
    expect(sparkValue('error-rate', 0.273)).toBe('27 %');
    expect(sparkValue('error-rate', 0.004)).toBe('0.4 %');
    expect(sparkValue('latency', 812.4)).toBe('812 ms');
    expect(sparkValue('auth-denials', 7.2)).toBe('7');
  });
});

describe('sections, errors and summary', () => {
  const errs: TriageError[] = [
    { accountId: '333333333333', source: 'logs', code: 'ACCESS_DENIED', message: 'no logs:StartQuery' },
    { accountId: '111111111111', source: 'health', code: 'THROTTLED', message: 'slow down' },
    { accountId: '333333333333', source: 'health', code: 'TIMEOUT', message: 'timed out' },
  ];
  it('groups errors by account in first-seen order', () => {
    expect(errorsByAccount(errs).map((g) => [g.accountId, g.errors.length])).toEqual([
      ['333333333333', 2],
      ['111111111111', 1],
    ]);
  });
  it('summarises by severity', () => {
    expect(summaryLine([])).toBe('All quiet');
    expect(
      summaryLine([finding({ severity: 'high' }), finding({ severity: 'critical' }), finding({ severity: 'high' })]),
    ).toBe('3 findings: 1 critical, 2 high');
    expect(summaryLine([finding({ severity: 'info' })])).toBe('1 finding: 1 info');
  });
  it('words byte counts', () => {
    expect(bytesWords(900)).toBe('900 B');
    expect(bytesWords(1536)).toBe('1.5 KB');
    expect(bytesWords(25 * 1024 * 1024)).toBe('25 MB');
  });
});

describe('layout of the findings', () => {
  const info = (id: string, kind: Finding['kind'] = 'unhealthy-targets') => finding({ id, kind, severity: 'info' });

  it('shows a few low-severity findings as cards, in order', () => {
    const all = [finding({ id: 'a' }), info('b'), info('c', 'change'), info('d')];
    expect(layoutFindings(all)).toEqual({ lead: all, rest: [], restWords: '' });
  });

  it('collapses many low-severity findings behind the real problems, saying what they are', () => {
    const standing = Array.from({ length: 200 }, (_, i) => info(`u${i}`));
    const all = [
      finding({ id: 'crit', severity: 'critical' }),
      finding({ id: 'canary', kind: 'canary', severity: 'info' }),
      ...standing,
      info('chg', 'change'),
    ];
    const out = layoutFindings(all);
    expect(out.lead.map((f) => f.id)).toEqual(['crit', 'canary']);
    expect(out.rest).toHaveLength(201);
    expect(out.restWords).toBe('200 groups with standing unhealthy targets, 1 routing change');
  });

  it('with only low-severity findings everything is in the collapsed group', () => {
    const out = layoutFindings(Array.from({ length: 4 }, (_, i) => info(`u${i}`)));
    expect(out.lead).toEqual([]);
    expect(out.rest).toHaveLength(4);
  });
});
