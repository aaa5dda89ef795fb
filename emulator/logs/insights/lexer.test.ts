import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';
import { InsightsQueryError } from './source';

const kinds = (q: string) => tokenize(q).map((t) => `${t.kind}:${t.value}`);

describe('tokenize', () => {
  it('reads names, fields, operators, numbers and durations', () => {
    expect(kinds('filter a.b>=-2.5e1 and @x =~ /y/ | stats count(*) by bin(15m)')).toEqual([
      'name:filter',
      'name:a.b',
      'op:>=',
      'number:-2.5e1',
      'name:and',
      'field:@x',
      'op:=~',
      'regex:y',
      'op:|',
      'name:stats',
      'name:count',
      'op:(',
      'op:*',
      'op:)',
      'name:by',
      'name:bin',
      'op:(',
      'duration:15m',
      'op:)',
      'eof:',
    ]);
    const [n, d] = tokenize('1e3 100ms');
    expect(n).toMatchObject({ kind: 'number', num: 1000 });
    expect(d).toMatchObject({ kind: 'duration', num: 100, extra: 'ms' });
  });

  it('decodes strings and backtick names; regex keeps its source and flags', () => {
    const [s, q, b, r] = tokenize(`"a\\"b\\\\c\\n" 'x\\'y' \`field | name\` /a\\/b[/|]c/is`);
    expect(s).toMatchObject({ kind: 'string', value: 'a"b\\c\n' });
    expect(q).toMatchObject({ kind: 'string', value: "x'y" });
    expect(b).toMatchObject({ kind: 'field', value: 'field | name' });
    expect(r).toMatchObject({ kind: 'regex', value: 'a\\/b[/|]c', extra: 'is' });
  });

  it('marks tokens that follow a line break (also after a comment)', () => {
    const toks = tokenize('fields a # c\nlimit 1');
    expect(toks.map((t) => t.newlineBefore)).toEqual([false, false, true, false, false]);
  });

  it('records source offsets', () => {
    const toks = tokenize('  fields  `x y`');
    expect(toks[1]).toMatchObject({ pos: 10, end: 15 });
  });

  it.each([
    ['"abc', 0, 'Unterminated string literal'],
    ['"ab\nc"', 0, 'Unterminated string literal'],
    ['/ab', 0, 'Unterminated regular expression'],
    ['/[/]', 0, 'Unterminated regular expression'],
    ['a `b', 2, 'Unterminated backtick'],
    ['``', 0, 'Empty backtick'],
    ['a ; b', 2, "Unexpected symbol ';'"],
    ['12ab3', 0, 'Unexpected symbol'],
    ['@ x', 0, "Unexpected symbol '@'"],
  ])('%j fails at %i', (q, pos, message) => {
    let err: unknown;
    try {
      tokenize(q);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InsightsQueryError);
    expect((err as InsightsQueryError).position).toBe(pos);
    expect((err as InsightsQueryError).message).toContain(message);
  });
});
