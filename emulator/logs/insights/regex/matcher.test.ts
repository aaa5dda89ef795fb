import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng';
import { compileRegex } from './matcher';
import { RegexSyntaxError } from './parse';

/** A random pattern of the supported subset (no quantified assertions, as JS rejects those too). */
function randomPattern(rng: Rng, depth = 0): string {
  const parts: string[] = [];
  const n = rng.int(1, 4);
  for (let k = 0; k < n; k++) {
    const roll = rng.next();
    let atom: string;
    let quantifiable = true;
    if (roll < 0.35) atom = rng.pick(['a', 'b', 'c', '1', ' ', '\\.', '-']);
    else if (roll < 0.45) atom = '.';
    else if (roll < 0.55) atom = rng.pick(['[ab]', '[^a]', '[a-c1]', '\\d', '\\w', '\\s', '\\W', '[\\d ]']);
    else if (roll < 0.65 && depth < 2) atom = `(${randomPattern(rng, depth + 1)}|${randomPattern(rng, depth + 1)})`;
    else if (roll < 0.72 && depth < 2) atom = `(?:${randomPattern(rng, depth + 1)})`;
    else {
      atom = rng.pick(['^', '$', '\\b', '\\B']);
      quantifiable = false;
    }
    if (quantifiable && rng.chance(0.4)) atom += rng.pick(['*', '+', '?', '{1,2}', '{2}', '*?', '{0,}']);
    parts.push(atom);
  }
  return parts.join('');
}

describe('RegexMatcher agrees with JavaScript RegExp on the supported subset', () => {
  it('on 1,500 random patterns × 25 random inputs (with and without the i flag)', () => {
    const rng = new Rng(2024);
    let checked = 0;
    for (let p = 0; p < 1500; p++) {
      const source = randomPattern(rng);
      const flags = rng.chance(0.2) ? 'i' : '';
      const ours = compileRegex(source, flags);
      const js = new RegExp(source, flags);
      for (let k = 0; k < 25; k++) {
        const input = rng.chars(rng.int(0, 12), 'abcAB1 .-\n');
        if (ours.test(input) !== js.test(input))
          throw new Error(`/${source}/${flags} on ${JSON.stringify(input)}: ours ${ours.test(input)}`);
        checked++;
      }
    }
    expect(checked).toBe(37_500);
  });

  it.each([
    ['(?i)error|exception', '', 'An EXCEPTION occurred', true],
    ['^\\d{3}$', '', '404', true],
    ['^\\d{3}$', '', '4040', false],
    ['a.c', '', 'a\nc', false],
    ['a.c', 's', 'a\nc', true],
    ['\\x41\\u0042', '', 'xAB', true],
    ['[\\]a-]+$', '', 'x]-a', true],
    ['caf\\u00e9', 'i', 'CAFÉ', true],
    ['\\bTLSv1\\.[23]\\b', '', 'tls TLSv1.3', true],
    ['{x', '', 'a{x', true],
    ['', '', '', true],
  ])('/%s/%s on %j → %s', (source, flags, input, expected) => {
    expect(compileRegex(source, flags).test(input)).toBe(expected);
  });
});

describe('linear time', () => {
  it('answers patterns that make backtracking engines explode', () => {
    const long = `${'a'.repeat(5000)}!`;
    expect(compileRegex('(a+)+$', '').test(long)).toBe(false);
    expect(compileRegex('(a|a)*b', '').test(long)).toBe(false);
    expect(compileRegex('(.*a){20}x', '').test(long)).toBe(false);
    expect(compileRegex('(a*)*!', '').test(long)).toBe(true);
  });

  it('keeps working when the DFA cache overflows', () => {
    const m = compileRegex('[ab]*a[ab]{10}c', '');
    const rng = new Rng(7);
    const js = /[ab]*a[ab]{10}c/;
    for (let k = 0; k < 50; k++) {
      const s = rng.chars(2000, 'ab') + (k % 2 === 0 ? 'c' : '');
      expect(m.test(s)).toBe(js.test(s));
    }
  });
});

describe('rejected constructs', () => {
  it.each([
    ['(a)\\1', 'Backreferences'],
    ['\\k<x>', 'Backreferences'],
    ['(?=a)', 'Lookaround'],
    ['(?<!a)b', 'Lookaround'],
    ['a(?i)b', 'Unsupported group'],
    ['\\p{L}', "Unsupported escape '\\p'"],
    ['\\z', "Unsupported escape '\\z'"],
    ['\\cJ', "Unsupported escape '\\c'"],
    ['a**', 'Nothing to repeat'],
    ['^*', 'Nothing to repeat'],
    ['a{2}{3}', 'Nothing to repeat'],
    ['a{1001}', 'Repetition count above 1000'],
    ['a{3,2}', 'out of order'],
    ['[z-a]', 'Range out of order'],
    ['(ab', 'Unterminated group'],
    ['ab)', "Unmatched ')'"],
    ['[ab', 'Unterminated character class'],
    ['ab\\', 'Trailing backslash'],
    ['\\xZ1', 'Invalid \\x escape'],
    ['(x{1000}){1000}', 'too complex'],
  ])('/%s/ → %s', (source, message) => {
    expect(() => compileRegex(source, '')).toThrow(RegexSyntaxError);
    expect(() => compileRegex(source, '')).toThrow(message);
  });

  it.each(['m', 'g', 'u', 'y'])('flag %s', (flag) => {
    expect(() => compileRegex('a', flag)).toThrow(`Unsupported regex flag '${flag}'`);
  });
});
