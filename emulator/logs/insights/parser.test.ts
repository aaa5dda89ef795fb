import { describe, expect, it } from 'vitest';
import type { Command, Condition } from './ast';
import { parseQuery } from './parser';
import { InsightsQueryError } from './source';

const commands = (q: string): Command[] => parseQuery(q).commands;
const only = (q: string): Command => {
  const cs = commands(q);
  expect(cs).toHaveLength(1);
  return cs[0] as Command;
};
const condition = (q: string): Condition => {
  const c = only(`filter ${q}`);
  if (c.kind !== 'filter') throw new Error('not a filter');
  return c.condition;
};
/** Compact rendering of a condition tree for precedence assertions. */
function show(c: Condition): string {
  const v = (x: { kind: string; name?: string; value?: unknown }): string =>
    x.kind === 'field' ? (x.name as string) : JSON.stringify(x.value);
  switch (c.kind) {
    case 'and':
    case 'or':
      return `(${show(c.left)} ${c.kind} ${show(c.right)})`;
    case 'not':
      return `(not ${show(c.operand)})`;
    case 'compare':
      return `${v(c.left)}${c.op}${v(c.right)}`;
    case 'in':
      return `${v(c.operand)} ${c.negated ? 'not in' : 'in'} [${c.values.map(v).join(',')}]`;
    case 'like':
      return (
        `${v(c.operand)} ${c.negated ? 'not like' : 'like'} ` +
        `${c.pattern.kind === 'regex' ? `/${c.pattern.source}/${c.pattern.flags}` : JSON.stringify(c.pattern.value)}`
      );
    case 'present':
    case 'empty':
      return `${c.kind}(${c.field.name})`;
  }
}
/** The error of a malformed query. */
function failure(q: string): InsightsQueryError {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof InsightsQueryError) return e;
    throw e;
  }
  throw new Error(`expected ${q} to fail`);
}

describe('commands', () => {
  it('fields with aliases and literals', () => {
    expect(only('fields @timestamp, responseCode as code, `odd name` as odd, "x" as lit, 42 as n')).toMatchObject({
      kind: 'fields',
      items: [
        { expr: { kind: 'field', name: '@timestamp' }, name: '@timestamp' },
        { expr: { kind: 'field', name: 'responseCode' }, name: 'code' },
        { expr: { kind: 'field', name: 'odd name' }, name: 'odd' },
        { expr: { kind: 'literal', value: 'x' }, name: 'lit' },
        { expr: { kind: 'literal', value: 42 }, name: 'n' },
      ],
    });
  });

  it('display, dedup, limit, sort', () => {
    expect(only('display a, @b, `c d`')).toMatchObject({
      kind: 'display',
      fields: [{ name: 'a' }, { name: '@b' }, { name: 'c d' }],
    });
    expect(only('dedup a.b, c')).toMatchObject({ kind: 'dedup', fields: [{ name: 'a.b' }, { name: 'c' }] });
    expect(only('limit 25')).toMatchObject({ kind: 'limit', count: 25 });
    expect(only('sort a desc, b asc, c, count(*) desc')).toMatchObject({
      kind: 'sort',
      keys: [
        { expr: { name: 'a' }, desc: true },
        { expr: { name: 'b' }, desc: false },
        { expr: { name: 'c' }, desc: false },
        { expr: { name: 'count(*)', expression: true }, desc: true },
      ],
    });
  });

  it('stats with every function, aliases, by fields and bins', () => {
    expect(
      only(
        'stats count(*), count(a), count_distinct(b) as d, sum(c), avg(c), min(c), max(c), pct(c, 99.5), ' +
          'percentile(c, 50) by bin(5m) as t, x, bin(1h)',
      ),
    ).toMatchObject({
      kind: 'stats',
      aggregations: [
        { fn: 'count', name: 'count(*)' },
        { fn: 'count', field: { name: 'a' }, name: 'count(a)' },
        { fn: 'count_distinct', name: 'd' },
        { fn: 'sum', name: 'sum(c)' },
        { fn: 'avg' },
        { fn: 'min' },
        { fn: 'max' },
        { fn: 'pct', percentile: 99.5, name: 'pct(c, 99.5)' },
        { fn: 'pct', percentile: 50 },
      ],
      groups: [
        { kind: 'bin', periodMs: 300_000, name: 't' },
        { kind: 'field', field: { name: 'x' }, name: 'x' },
        { kind: 'bin', periodMs: 3_600_000, name: 'bin(1h)' },
      ],
    });
  });

  it.each([
    ['100ms', 100],
    ['30s', 30_000],
    ['2sec', 2000],
    ['1m', 60_000],
    ['5mins', 300_000],
    ['1h', 3_600_000],
    ['2hrs', 7_200_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
  ])('bin(%s)', (period, ms) => {
    expect(only(`stats count(*) by bin(${period})`)).toMatchObject({ groups: [{ kind: 'bin', periodMs: ms }] });
  });

  it('parse with and without a source field', () => {
    expect(only('parse @message "user=* method=*" as u, m')).toMatchObject({
      kind: 'parse',
      source: { name: '@message' },
      pattern: 'user=* method=*',
      names: ['u', 'm'],
    });
    expect(only("parse requestPath '/api/*' as rest")).toMatchObject({
      source: { name: 'requestPath' },
      names: ['rest'],
    });
    expect(only('parse "[*]" as level')).toMatchObject({ source: { name: '@message' }, names: ['level'] });
  });

  it('commands are joined by | or by a command word starting a new line', () => {
    expect(commands('fields a | filter b = 1 | sort a | limit 3').map((c) => c.kind)).toEqual([
      'fields',
      'filter',
      'sort',
      'limit',
    ]);
    expect(commands('fields a\nfilter b = 1\n  and c = 2\n| stats count(*) by a\nlimit 5').map((c) => c.kind)).toEqual([
      'fields',
      'filter',
      'stats',
      'limit',
    ]);
  });

  it('comments run to the end of the line, but not inside strings', () => {
    expect(commands('# header\nfields a # the field | filter x = 1\n| limit 2').map((c) => c.kind)).toEqual([
      'fields',
      'limit',
    ]);
    expect(show(condition('a = "#not a comment"'))).toBe('a="#not a comment"');
  });

  it('keywords and function names are case-insensitive', () => {
    expect(commands('FIELDS a | Filter a = 1 AND NOT b IN [1] | STATS COUNT(*) BY a').map((c) => c.kind)).toEqual([
      'fields',
      'filter',
      'stats',
    ]);
  });
});

describe('conditions', () => {
  it.each([
    ['a = 1 or b = 2 and c = 3', '(a=1 or (b=2 and c=3))'],
    ['(a = 1 or b = 2) and c = 3', '((a=1 or b=2) and c=3)'],
    ['not a = 1 and b != "x"', '((not a=1) and b!="x")'],
    ['not not a < 1 or a <= 2', '((not (not a<1)) or a<=2)'],
    ['a > -1.5 and a >= 1e3', '(a>-1.5 and a>=1000)'],
    ['a in [1, "b"] or a not in ["c"]', '(a in [1,"b"] or a not in ["c"])'],
    ['m like "x" and m not like /y/i and m =~ /^z$/', '((m like "x" and m not like /y/i) and m like /^z$/)'],
    ['ispresent(a) and not isEmpty(`b c`)', '(present(a) and (not empty(b c)))'],
    ['@timestamp > 5 and 5 < x', '(@timestamp>5 and 5<x)'],
  ])('%s', (q, expected) => {
    expect(show(condition(q))).toBe(expected);
  });

  it('decodes string escapes and keeps regex sources verbatim', () => {
    expect(show(condition('a = "q\\"uote \\\\ back\\nline\\ttab"'))).toBe(
      `a=${JSON.stringify('q"uote \\ back\nline\ttab')}`,
    );
    expect(show(condition("a = 'it\\'s'"))).toBe(`a=${JSON.stringify("it's")}`);
    expect(show(condition('a like /\\d+\\/x[/]/'))).toBe('a like /\\d+\\/x[/]/');
  });
});

describe('errors carry the 0-based position', () => {
  it.each([
    ['stats foo(x)', 6, 'Unknown stats function'],
    ['stats stddev(x)', 6, 'Unsupported stats function'],
    ['unmask @message', 0, "Unsupported command 'unmask'"],
    ['pattern @message', 0, 'Unsupported command'],
    ['filter (a = 1', 13, 'Unexpected end of query'],
    ['filter a = 1)', 12, "Unexpected symbol ')'"],
    ['filter a = "abc', 11, 'Unterminated string literal'],
    ['filter a like /abc', 14, 'Unterminated regular expression'],
    ['fields a |', 9, "Unexpected end of query after '|'"],
    ['fields a | | limit 1', 11, "Unexpected symbol '|'"],
    ['fields a filter b = 1', 9, "Unexpected symbol 'filter'"],
    ['filter a == 1', 10, "Unexpected symbol '='"],
    ['filter a', 8, 'expected a comparison'],
    ['filter strlen(a) > 1', 7, "Unsupported function 'strlen'"],
    ['fields a + b', 9, "Unexpected symbol '+'"],
    ['limit 0', 6, 'between 1 and 10000'],
    ['limit 10001', 6, 'between 1 and 10000'],
    ['limit 1.5', 6, 'between 1 and 10000'],
    ['stats avg()', 10, 'expected a field name'],
    ['stats count(*) by bin(5mo)', 22, 'calendar'],
    ['stats count(*) by bin(5x)', 22, "Unknown time unit 'x'"],
    ['stats count(*) by bin(5)', 22, 'expected a period'],
    ['stats pct(a, 101)', 13, 'percentile between 0 and 100'],
    ['parse @message "a*b*" as x', 15, "2 '*' but 1 names"],
    ['parse @message "abc" as x', 15, "at least one '*'"],
    ['parse @message /(?<x>a)/', 15, 'Unsupported parse with a regular expression'],
    ['fields `a', 7, 'Unterminated backtick'],
    ['filter a = "x\\q"', 13, 'Unsupported escape sequence'],
    ['', 0, 'Empty query'],
    ['# only a comment', 0, 'Empty query'],
    ['filter and = 1', 7, 'expected a field name or a value'],
    ['fields a\n| filter b =', 21, 'Unexpected end of query'],
  ])('%j', (q, pos, message) => {
    const e = failure(q);
    expect(e.position).toBe(pos);
    expect(e.message).toContain(message);
  });

  it('reports line and position within the line', () => {
    expect(failure('fields a\n| filter b ~ 1').message).toMatch(/Unexpected symbol '~' at line 2 position 11$/);
  });
});
