/** URL ⇄ filters: every parameter, round trips, and bad parameters reported and ignored (never thrown). */
import { describe, expect, it } from 'vitest';
import {
  defaultFilters,
  excludeParam,
  filterChips,
  filtersToParams,
  parseLogFilters,
  withoutValue,
  withValue,
  checkValue,
} from './filters';

const SVC = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg';
const SN = 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdefg';
const TG = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg';
const LG = 'arn:aws:logs:us-east-1:222222222222:log-group:/aws/vpc-lattice/payments-api';

const parse = (q: string) => parseLogFilters(new URLSearchParams(q));

describe('parseLogFilters', () => {
  it('gives the last hour, every group, no filter for an empty URL', () => {
    expect(parse('')).toEqual({ filters: defaultFilters(), problems: [] });
  });

  it('reads every dimension, excludes, time, sources and compare', () => {
    const q = new URLSearchParams([
      ['service', SVC],
      ['network', SN],
      ['targetGroup', TG],
      ['code', '5xx'],
      ['code', '403'],
      ['code', '500-504'],
      ['notCode', '2xx'],
      ['user', 'arn:aws:iam::333333333333:role/checkout'],
      ['notUser', 'Anonymous'],
      ['authDenied', 'Service'],
      ['failure', 'ClientAccessDenied'],
      ['method', 'POST'],
      ['path', '/refund'],
      ['pathPrefix', '/v2/'],
      ['sourceVpc', 'vpc-0abc'],
      ['userAgent', 'curl'],
      ['text', 'timeout'],
      ['notText', 'health'],
      ['range', '15m'],
      ['source', LG],
      ['compare', '1'],
    ]);
    const { filters, problems } = parseLogFilters(q);
    expect(problems).toEqual([]);
    expect(filters.include).toEqual({
      network: [SN],
      service: [SVC],
      targetGroup: [TG],
      code: ['5xx', '403', '500-504'],
      user: ['arn:aws:iam::333333333333:role/checkout'],
      authDenied: ['Service'],
      failure: ['ClientAccessDenied'],
      method: ['POST'],
      path: ['/refund'],
      pathPrefix: ['/v2/'],
      sourceVpc: ['vpc-0abc'],
      userAgent: ['curl'],
      text: ['timeout'],
    });
    expect(filters.exclude).toEqual({ code: ['2xx'], user: ['Anonymous'], text: ['health'] });
    expect(filters.time).toEqual({ kind: 'relative', range: '15m' });
    expect(filters.sources).toEqual([LG]);
    expect(filters.compare).toBe(true);
  });

  it('round-trips through filtersToParams', () => {
    const q =
      `service=${encodeURIComponent(SVC)}&code=5xx&notUser=Anonymous&pathPrefix=%2Fv2%2F` +
      `&from=2024-05-01T09%3A00%3A00Z&to=2024-05-01T10%3A00%3A00Z&compare=1&source=${encodeURIComponent(LG)}`;
    const first = parse(q).filters;
    const again = parseLogFilters(filtersToParams(first));
    expect(again).toEqual({ filters: first, problems: [] });
    expect(first.time).toEqual({ kind: 'absolute', fromMs: Date.UTC(2024, 4, 1, 9), toMs: Date.UTC(2024, 4, 1, 10) });
  });

  it('reports and ignores bad values, keeping the good ones', () => {
    const { filters, problems } = parse(
      `service=nope&service=${encodeURIComponent(SVC)}&code=abc&code=599-500&code=404&method=GET%20%7C%20x` +
        '&range=2y&compare=maybe&source=s3://x&bogus=1',
    );
    expect(filters.include).toEqual({ service: [SVC], code: ['404'] });
    expect(filters.time).toEqual({ kind: 'relative', range: '1h' });
    expect(filters.sources).toEqual([]);
    expect(filters.compare).toBe(false);
    expect(problems).toEqual([
      'Ignored service="nope": must be a VPC Lattice service ARN (or "-").',
      'Ignored code="abc": must be a status code (503), a class (5xx) or a range (500-504).',
      'Ignored code="599-500": must be a status code (503), a class (5xx) or a range (500-504).',
      'Ignored method="GET | x": must be an HTTP method such as GET.',
      'Ignored range="2y": use one of 5m, 15m, 30m, 1h, 3h, 6h, 12h, 24h, 2d, 7d.',
      'Ignored source="s3://x": must be a CloudWatch Logs log group ARN.',
      'Ignored compare="maybe": use compare=1.',
      'Ignored unknown parameter "bogus".',
    ]);
  });

  it('refuses control characters and oversized values with a message', () => {
    const { filters, problems } = parse(
      `user=${encodeURIComponent('a\nb')}&text=${'x'.repeat(1025)}&path=${encodeURIComponent('/ok')}`,
    );
    expect(filters.include).toEqual({ path: ['/ok'] });
    expect(problems[0]).toContain('must not contain control characters');
    expect(problems[1]).toContain('at most 1024 characters');
  });

  it('reports bad absolute times and inverted ranges', () => {
    expect(parse('from=yesterday&to=2024-05-01T10:00:00Z').problems[0]).toMatch(
      /^Ignored from\/to: both must be ISO times/,
    );
    expect(parse('from=2024-05-01T10:00:00Z&to=2024-05-01T09:00:00Z').problems).toEqual([
      'Ignored from/to: "to" must be after "from".',
    ]);
    expect(parse('from=2024-05-01T10:00:00Z&to=2024-05-01T09:00:00Z&range=6h').filters.time).toEqual({
      kind: 'relative',
      range: '6h',
    });
  });
});

describe('editing filters', () => {
  it('adds, excludes (moving the value across) and removes values', () => {
    let f = withValue(defaultFilters(), 'user', 'alice');
    f = withValue(f, 'user', 'bob');
    expect(f.include.user).toEqual(['alice', 'bob']);
    f = withValue(f, 'user', 'alice', true);
    expect(f.include.user).toEqual(['bob']);
    expect(f.exclude.user).toEqual(['alice']);
    expect(filterChips(f)).toEqual([
      { dim: 'user', value: 'bob', exclude: false },
      { dim: 'user', value: 'alice', exclude: true },
    ]);
    f = withoutValue(withoutValue(f, 'user', 'bob', false), 'user', 'alice', true);
    expect(f).toEqual(defaultFilters());
  });

  it('names exclude parameters not<Param>', () => {
    expect(excludeParam('targetGroup')).toBe('notTargetGroup');
    expect(excludeParam('code')).toBe('notCode');
  });

  it('checks typed values with the dimension label', () => {
    expect(checkValue('code', ' 5xx ')).toEqual({ ok: true, value: '5xx' });
    expect(checkValue('code', '700')).toEqual({
      ok: false,
      message: 'Status must be a status code (503), a class (5xx) or a range (500-504)',
    });
  });
});
