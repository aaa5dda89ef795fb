/**
 * A cursor over the tokens of one query, with the small helpers the parsers share.
 */
import { queryError, quoteSnippet } from './errors';
import type { Token } from './lexer';
import type { FieldRef } from './ast';

/** Words that cannot be used as bare field names (quote them with backticks instead). */
const RESERVED = new Set(['and', 'or', 'not', 'in', 'like', 'as', 'by']);

/** Reads tokens in order; every failure becomes an InsightsQueryError at the offending token. */
export class Cursor {
  private index = 0;

  constructor(
    readonly text: string,
    private readonly tokens: Token[],
  ) {}

  /** The token `ahead` places after the current one (the final `eof` token repeats). */
  peek(ahead = 0): Token {
    const last = this.tokens[this.tokens.length - 1] as Token;
    return this.tokens[this.index + ahead] ?? last;
  }

  /** Consumes and returns the current token. */
  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  /** The token just consumed. */
  previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)] as Token;
  }

  /** Whether the current token is the operator `op`. */
  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === op;
  }

  /** Whether the current token is the (case-insensitive) word `word`. */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'name' && t.value.toLowerCase() === word;
  }

  /** Consumes the operator `op` or fails. */
  expectOp(op: string): Token {
    if (!this.isOp(op)) this.unexpected(`expected '${op}'`);
    return this.next();
  }

  /** Consumes the word `word` if present. */
  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  /** Reads a field reference: a name, an `@name` or a backtick-quoted name. */
  fieldRef(what = 'a field name'): FieldRef {
    const t = this.peek();
    if (t.kind === 'field' || (t.kind === 'name' && !RESERVED.has(t.value.toLowerCase()))) {
      if (t.kind === 'name' && this.isOp('(', 1)) this.fail(t.pos, `Unsupported function ${quoteSnippet(t.value)}`);
      this.next();
      return { kind: 'field', name: t.value, pos: t.pos };
    }
    return this.unexpected(`expected ${what}`);
  }

  /**
   * Reads a reference to a result column: a field reference, or (for stats outputs) an
   * aggregation written as in the stats command, such as `count(*)` or `pct(duration, 99)`.
   */
  columnRef(what = 'a field name'): FieldRef {
    const t = this.peek();
    if (t.kind !== 'name' || !this.isOp('(', 1)) return this.fieldRef(what);
    this.next();
    let depth = 0;
    let end = t.end;
    do {
      const x = this.next();
      if (x.kind === 'eof') this.unexpected("expected ')'");
      if (x.kind === 'op' && x.value === '(') depth++;
      if (x.kind === 'op' && x.value === ')') depth--;
      end = x.end;
    } while (depth > 0);
    return { kind: 'field', name: this.slice(t.pos, end), pos: t.pos, expression: true };
  }

  /** Reads the name after `as`. */
  alias(): string {
    return this.fieldRef('a name after as').name;
  }

  /** The source text between two offsets. */
  slice(from: number, to: number): string {
    return this.text.slice(from, to).trim();
  }

  /** Fails at the current token. */
  unexpected(hint?: string): never {
    const t = this.peek();
    const what =
      t.kind === 'eof' ? 'Unexpected end of query' : `Unexpected symbol ${quoteSnippet(this.text.slice(t.pos, t.end))}`;
    return this.fail(t.pos, hint ? `${what}, ${hint}` : what);
  }

  /** Fails at `pos`. */
  fail(pos: number, message: string): never {
    throw queryError(this.text, pos, message);
  }
}
