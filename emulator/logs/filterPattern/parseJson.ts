/**
 * JSON patterns: `{ $.responseCode = 403 }`, `{ $.code >= 500 && $.user != "-" }`, `||`,
 * parentheses, `*` wildcards in strings (`{ $.path = "/v2/*" }`), `IS NULL`, `NOT EXISTS`,
 * `IS TRUE`, `IS FALSE`. `&&` binds tighter than `||`. Regex values (`%...%`) are not supported.
 */
import {
  FilterPatternError,
  type CompareOp,
  type CompareValue,
  type FilterPattern,
  type JsonExpr,
  type PathSegment,
} from './ast';

type Tok =
  | { t: 'punct'; v: '{' | '}' | '(' | ')' | '&&' | '||'; at: number }
  | { t: 'op'; v: CompareOp; at: number }
  | { t: 'sel'; path: PathSegment[]; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'word'; v: string; at: number };

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const STOP = /[\s(){}&|=!<>"]/;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    const two = src.slice(i, i + 2);
    if (/\s/.test(c)) i++;
    else if (two === '&&' || two === '||') {
      out.push({ t: 'punct', v: two, at: i });
      i += 2;
    } else if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
    } else if (c === '=' || c === '<' || c === '>') {
      if (src[i + 1] === '=') throw new FilterPatternError(`Unknown operator '${c}='`, i);
      out.push({ t: 'op', v: c, at: i });
      i++;
    } else if (c === '{' || c === '}' || c === '(' || c === ')') {
      out.push({ t: 'punct', v: c, at: i });
      i++;
    } else if (c === '$') i = lexSelector(src, i, out);
    else if (c === '"') i = lexString(src, i, out);
    else {
      let j = i;
      while (j < src.length && !STOP.test(src[j] as string)) j++;
      if (j === i) throw new FilterPatternError(`Unexpected character '${c}'`, i);
      out.push({ t: 'word', v: src.slice(i, j), at: i });
      i = j;
    }
  }
  return out;
}

function lexSelector(src: string, start: number, out: Tok[]): number {
  const path: PathSegment[] = [];
  let i = start + 1;
  for (;;) {
    if (src[i] === '.') {
      const m = /^[A-Za-z0-9_@-]+/.exec(src.slice(i + 1));
      if (!m)
        throw new FilterPatternError(
          "Invalid property selector: expected a name after '.'" +
            (src[i + 1] === '*' ? ' (wildcard selectors are not supported by the emulator)' : ''),
          i + 1,
        );
      path.push(m[0]);
      i += 1 + m[0].length;
    } else if (src[i] === '[') {
      const m = /^\[(\d+)\]/.exec(src.slice(i));
      if (!m) throw new FilterPatternError('Invalid array index in property selector (only [n] is supported)', i);
      path.push(Number(m[1]));
      i += m[0].length;
    } else break;
  }
  if (path.length === 0) throw new FilterPatternError("A property selector starts with '$.'", start);
  if (i < src.length && !STOP.test(src[i] as string))
    throw new FilterPatternError(`Invalid character '${src[i]}' in property selector`, i);
  out.push({ t: 'sel', path, at: start });
  return i;
}

function lexString(src: string, start: number, out: Tok[]): number {
  let v = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < src.length) {
      v += src[i + 1];
      i += 2;
    } else if (c === '"') {
      out.push({ t: 'str', v, at: start });
      return i + 1;
    } else {
      v += c;
      i++;
    }
  }
  throw new FilterPatternError('Unterminated string', start);
}

function glob(text: string): RegExp | undefined {
  if (!text.includes('*')) return undefined;
  const body = text
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*');
  return new RegExp(`^${body}$`);
}

class Parser {
  private k = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly end: number,
  ) {}

  private peek(): Tok | undefined {
    return this.toks[this.k];
  }

  private fail(msg: string): never {
    throw new FilterPatternError(msg, this.peek()?.at ?? this.end);
  }

  private punct(v: string): boolean {
    const t = this.peek();
    if (t?.t === 'punct' && t.v === v) {
      this.k++;
      return true;
    }
    return false;
  }

  pattern(): JsonExpr {
    if (!this.punct('{')) this.fail("A JSON pattern starts with '{'");
    const e = this.or();
    if (!this.punct('}')) this.fail("Expected '&&', '||' or '}'");
    if (this.peek()) this.fail("Unexpected text after '}'");
    return e;
  }

  private or(): JsonExpr {
    let left = this.and();
    while (this.punct('||')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): JsonExpr {
    let left = this.unary();
    while (this.punct('&&')) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): JsonExpr {
    if (this.punct('(')) {
      const e = this.or();
      if (!this.punct(')')) this.fail("Expected ')'");
      return e;
    }
    const sel = this.peek();
    if (sel?.t !== 'sel') this.fail("Expected a property selector such as '$.field'");
    this.k++;
    const next = this.peek();
    if (next?.t === 'op') {
      this.k++;
      return { kind: 'compare', path: sel.path, op: next.v, value: this.value(next.v) };
    }
    if (next?.t === 'word') return { kind: this.keywords(), path: sel.path };
    return this.fail('Expected a comparison operator, IS NULL, IS TRUE, IS FALSE or NOT EXISTS');
  }

  private keywords(): 'isNull' | 'notExists' | 'isTrue' | 'isFalse' {
    const a = this.toks[this.k];
    const b = this.toks[this.k + 1];
    const pair = `${a?.t === 'word' ? a.v : ''} ${b?.t === 'word' ? b.v : ''}`;
    const kinds: Record<string, 'isNull' | 'notExists' | 'isTrue' | 'isFalse'> = {
      'IS NULL': 'isNull',
      'NOT EXISTS': 'notExists',
      'IS TRUE': 'isTrue',
      'IS FALSE': 'isFalse',
    };
    const kind = kinds[pair];
    if (!kind) this.fail('Expected IS NULL, IS TRUE, IS FALSE or NOT EXISTS');
    this.k += 2;
    return kind;
  }

  private value(op: CompareOp): CompareValue {
    const t = this.peek();
    let value: CompareValue;
    if (t?.t === 'str') value = { type: 'string', text: t.v };
    else if (t?.t === 'word') {
      if (t.v.startsWith('%')) this.fail('Regular expressions in filter patterns are not supported by the emulator');
      value = NUMBER.test(t.v) ? { type: 'number', n: Number(t.v) } : { type: 'string', text: t.v };
    } else return this.fail('Expected a value after the operator');
    if (value.type === 'string') {
      if (op !== '=' && op !== '!=') this.fail(`Operator '${op}' needs a number; strings compare only with = and !=`);
      const g = glob(value.text);
      if (g) value.glob = g;
    }
    this.k++;
    return value;
  }
}

/** Parses a pattern that starts with '{'. */
export function parseJsonPattern(src: string): FilterPattern {
  return { kind: 'json', expr: new Parser(lex(src), src.length).pattern() };
}
