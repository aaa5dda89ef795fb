/**
 * Parser of the regular-expression subset the engine evaluates: literals, escapes (\d \w \s and
 * their negations, \b \B, \n \t \xHH \uHHHH …), classes, `.`, `^`, `$`, groups (plain, `(?:…)`,
 * named), alternation and quantifiers (greedy or lazy). Backreferences, lookaround, inline flags
 * other than a leading `(?i)`/`(?s)`, unicode properties and the `m`/`u`/`y`/`g` flags are rejected:
 * the matcher is a linear-time automaton, so only constructs an automaton can decide are accepted.
 */
import { type CharSet, DIGIT, SPACE, WORD, charSet } from './charset';

/** Syntax tree of a regular expression. */
export type RegexNode =
  | { t: 'set'; set: CharSet }
  | { t: 'seq'; items: RegexNode[] }
  | { t: 'alt'; alts: RegexNode[] }
  | { t: 'rep'; node: RegexNode; min: number; max: number }
  | { t: 'assert'; kind: 'start' | 'end' | 'boundary' | 'notBoundary' };

/** A parsed pattern with its effective flags. */
export interface ParsedRegex {
  root: RegexNode;
  ignoreCase: boolean;
  dotAll: boolean;
}

/** A pattern the engine refuses, with the offset inside the pattern source. */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Largest repetition count accepted in `{n,m}`. */
export const MAX_REPEAT = 1000;

/** Parses `source` with `flags` (a subset of `is`). */
export function parseRegex(source: string, flags: string): ParsedRegex {
  let ignoreCase = false;
  let dotAll = false;
  for (const f of flags) {
    if (f === 'i') ignoreCase = true;
    else if (f === 's') dotAll = true;
    else throw new RegexSyntaxError(`Unsupported regex flag '${f}'`, source.length + 1);
  }
  let start = 0;
  const inline = /^\(\?([is]+)\)/.exec(source);
  if (inline) {
    ignoreCase ||= (inline[1] as string).includes('i');
    dotAll ||= (inline[1] as string).includes('s');
    start = inline[0].length;
  }
  const p = new RegexParser(source, start, dotAll);
  const root = p.alternation();
  if (p.pos < source.length) throw new RegexSyntaxError("Unmatched ')' in regex", p.pos);
  return { root, ignoreCase, dotAll };
}

class RegexParser {
  constructor(
    readonly src: string,
    public pos: number,
    private readonly dotAll: boolean,
  ) {}

  alternation(): RegexNode {
    const alts = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as RegexNode) : { t: 'alt', alts };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atomAt = this.pos;
      const atom = this.atom();
      items.push(this.quantified(atom, atomAt));
    }
    return items.length === 1 ? (items[0] as RegexNode) : { t: 'seq', items };
  }

  private quantified(atom: RegexNode, atomAt: number): RegexNode {
    const q = this.quantifier();
    if (!q) return atom;
    if (atom.t === 'assert') throw new RegexSyntaxError('Nothing to repeat in regex', atomAt);
    if (this.src[this.pos] === '?') this.pos++; // lazy: same language, so same boolean answer
    if (this.quantifierAhead()) throw new RegexSyntaxError('Nothing to repeat in regex', this.pos);
    return { t: 'rep', node: atom, min: q.min, max: q.max };
  }

  private quantifierAhead(): boolean {
    const c = this.src[this.pos];
    return c === '*' || c === '+' || c === '?' || (c === '{' && this.braces(this.pos) !== undefined);
  }

  private quantifier(): { min: number; max: number } | undefined {
    const c = this.src[this.pos];
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    }
    if (c !== '{') return undefined;
    const b = this.braces(this.pos);
    if (!b) return undefined;
    if (b.min > MAX_REPEAT || (b.max !== Infinity && b.max > MAX_REPEAT)) {
      throw new RegexSyntaxError(`Repetition count above ${MAX_REPEAT} in regex`, this.pos);
    }
    if (b.max < b.min) throw new RegexSyntaxError('Numbers out of order in {} quantifier', this.pos);
    this.pos = b.end;
    return b;
  }

  /** `{n}`, `{n,}` or `{n,m}` at `at`, or undefined (then `{` is a literal, as in JS). */
  private braces(at: number): { min: number; max: number; end: number } | undefined {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(at));
    if (!m) return undefined;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    return { min, max, end: at + m[0].length };
  }

  private atom(): RegexNode {
    const at = this.pos;
    const c = this.src[this.pos++] as string;
    switch (c) {
      case '(':
        return this.group(at);
      case '[':
        return { t: 'set', set: this.charClass(at) };
      case '.':
        return {
          t: 'set',
          set: this.dotAll
            ? charSet([[0, 0xffff]])
            : charSet(
                [
                  [10, 10],
                  [13, 13],
                  [0x2028, 0x2029],
                ],
                true,
              ),
        };
      case '^':
        return { t: 'assert', kind: 'start' };
      case '$':
        return { t: 'assert', kind: 'end' };
      case '\\':
        return this.escape(at);
      case '*':
      case '+':
      case '?':
        throw new RegexSyntaxError('Nothing to repeat in regex', at);
      case '{':
        if (this.braces(at)) throw new RegexSyntaxError('Nothing to repeat in regex', at);
        return literal(c.charCodeAt(0));
      default:
        return literal(c.charCodeAt(0));
    }
  }

  private group(at: number): RegexNode {
    if (this.src[this.pos] === '?') {
      const rest = this.src.slice(this.pos + 1);
      const named = /^<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest);
      if (rest.startsWith(':')) this.pos += 2;
      else if (named) this.pos += 1 + named[0].length;
      else if (/^(<?[=!])/.test(rest))
        throw new RegexSyntaxError('Lookaround assertions are not supported in regex', at);
      else throw new RegexSyntaxError('Unsupported group construct in regex', at);
    }
    const inner = this.alternation();
    if (this.src[this.pos] !== ')') throw new RegexSyntaxError("Unterminated group '(' in regex", at);
    this.pos++;
    // A group may be quantified even when it holds only an assertion: `(?:^)*` is valid.
    return inner.t === 'assert' ? { t: 'seq', items: [inner] } : inner;
  }

  private escape(at: number): RegexNode {
    const e = this.src[this.pos];
    if (e === 'b' || e === 'B') {
      this.pos++;
      return { t: 'assert', kind: e === 'b' ? 'boundary' : 'notBoundary' };
    }
    return { t: 'set', set: this.escapeSet(at, false) };
  }

  /** The set of an escape (after the backslash at `at`); inside a class `\b` is a backspace. */
  private escapeSet(at: number, inClass: boolean): CharSet {
    const e = this.src[this.pos++];
    if (e === undefined) throw new RegexSyntaxError('Trailing backslash in regex', at);
    const cls: Record<string, CharSet> = { d: DIGIT, w: WORD, s: SPACE };
    const named = cls[e];
    if (named) return named;
    const negatedClass = cls[e.toLowerCase()];
    if (negatedClass && e !== e.toLowerCase()) return { ranges: negatedClass.ranges, parts: [], negated: true };
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11 };
    if (simple[e] !== undefined) return single(simple[e] as number);
    if (e === 'b' && inClass) return single(8);
    if (e === '0' && !/[0-9]/.test(this.src[this.pos] ?? '')) return single(0);
    if (e === 'x' || e === 'u') {
      const len = e === 'x' ? 2 : 4;
      const hex = this.src.slice(this.pos, this.pos + len);
      if (hex.length !== len || !/^[0-9A-Fa-f]+$/.test(hex))
        throw new RegexSyntaxError(`Invalid \\${e} escape in regex`, at);
      this.pos += len;
      return single(parseInt(hex, 16));
    }
    if (/[1-9]/.test(e) || e === 'k') throw new RegexSyntaxError('Backreferences are not supported in regex', at);
    if (/[A-Za-z0-9]/.test(e)) throw new RegexSyntaxError(`Unsupported escape '\\${e}' in regex`, at);
    return single(e.charCodeAt(0));
  }

  private charClass(at: number): CharSet {
    let negated = false;
    if (this.src[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    const ranges: [number, number][] = [];
    const parts: CharSet[] = [];
    while (this.src[this.pos] !== ']') {
      if (this.pos >= this.src.length) throw new RegexSyntaxError("Unterminated character class '[' in regex", at);
      const lo = this.classAtom();
      if (this.src[this.pos] === '-' && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        const dashAt = this.pos;
        this.pos++;
        const hi = this.classAtom();
        if (typeof lo === 'number' && typeof hi === 'number') {
          if (hi < lo) throw new RegexSyntaxError('Range out of order in character class', dashAt);
          ranges.push([lo, hi]);
          continue;
        }
        addAtom(lo, ranges, parts);
        ranges.push([45, 45]);
        addAtom(hi, ranges, parts);
        continue;
      }
      addAtom(lo, ranges, parts);
    }
    this.pos++;
    return { ranges: flatten(ranges), parts, negated };
  }

  /** One class member: a code unit, or a class escape such as \d. */
  private classAtom(): number | CharSet {
    const at = this.pos;
    const c = this.src[this.pos++] as string;
    if (c !== '\\') return c.charCodeAt(0);
    if (this.src[this.pos] === 'B') throw new RegexSyntaxError("Unsupported escape '\\B' in character class", at);
    const set = this.escapeSet(at, true);
    return set.parts.length === 0 && !set.negated && set.ranges.length === 2 && set.ranges[0] === set.ranges[1]
      ? (set.ranges[0] as number)
      : set;
  }
}

function addAtom(a: number | CharSet, ranges: [number, number][], parts: CharSet[]): void {
  if (typeof a === 'number') ranges.push([a, a]);
  else parts.push(a);
}

function flatten(ranges: [number, number][]): number[] {
  return ranges.flat();
}

function single(code: number): CharSet {
  return charSet([[code, code]]);
}

function literal(code: number): RegexNode {
  return { t: 'set', set: single(code) };
}
