/**
 * Tokenizer of the Logs Insights query language subset. Literals (strings, regexes, backtick field
 * names) are decoded here once, so the parser and the evaluator only ever see values: nothing in a
 * literal can turn into query syntax later.
 */
import { queryError, quoteSnippet } from './errors';

/** Kinds of tokens. `name` is an identifier, `field` an `@name` or a backtick-quoted name. */
export type TokenKind = 'name' | 'field' | 'string' | 'number' | 'duration' | 'regex' | 'op' | 'eof';

/** One token with its place in the source. */
export interface Token {
  kind: TokenKind;
  /** Decoded value: identifier or field name, string contents, regex source, operator text. */
  value: string;
  /** The number of a `number` token, the amount of a `duration` token (`5` in `5m`). */
  num: number;
  /** Regex flags, or the unit of a duration (`m` in `5m`). */
  extra: string;
  /** Offset of the first character, and one past the last. */
  pos: number;
  end: number;
  /** A line break (or a comment ending in one) separates this token from the previous one. */
  newlineBefore: boolean;
}

const OPERATORS = ['=~', '!=', '<=', '>=', '=', '<', '>', '(', ')', '[', ']', ',', '*', '|'];
const ESCAPES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
  '/': '/',
  '`': '`',
};

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_.]/.test(c);

/** Splits a query into tokens; throws InsightsQueryError for characters or literals it cannot read. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let newline = false;
  const push = (kind: TokenKind, value: string, pos: number, num = 0, extra = ''): void => {
    out.push({ kind, value, num, extra, pos, end: i, newlineBefore: newline });
    newline = false;
  };
  while (i < text.length) {
    const c = text[i] as string;
    const start = i;
    if (c === '\n') {
      newline = true;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const value = readQuoted(text, i, c);
      i = value.end;
      push('string', value.text, start);
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const nl = text.indexOf('\n', i + 1);
      if (close < 0 || (nl >= 0 && nl < close)) throw queryError(text, start, 'Unterminated backtick field name');
      if (close === i + 1) throw queryError(text, start, 'Empty backtick field name');
      i = close + 1;
      push('field', text.slice(start + 1, close), start);
    } else if (c === '/') {
      const re = readRegex(text, i);
      i = re.end;
      push('regex', re.source, start, 0, re.flags);
    } else if (c === '@') {
      i++;
      while (isNameChar(text[i])) i++;
      if (i === start + 1) throw queryError(text, start, "Unexpected symbol '@'");
      push('field', text.slice(start, i), start);
    } else if (
      isDigit(c) ||
      ((c === '-' || c === '.') && (isDigit(text[i + 1]) || (text[i + 1] === '.' && isDigit(text[i + 2]))))
    ) {
      const n = readNumber(text, start);
      i = n.end;
      push(n.unit ? 'duration' : 'number', text.slice(start, i), start, n.num, n.unit);
    } else if (isNameStart(c)) {
      while (isNameChar(text[i])) i++;
      push('name', text.slice(start, i), start);
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (!op) throw queryError(text, start, `Unexpected symbol ${quoteSnippet(c)}`);
      i += op.length;
      push('op', op, start);
    }
  }
  out.push({ kind: 'eof', value: '', num: 0, extra: '', pos: text.length, end: text.length, newlineBefore: newline });
  return out;
}

/** Reads `-12.5e3`, or a duration such as `5m` / `100ms` (then `unit` is not empty). */
function readNumber(text: string, start: number): { num: number; unit: string; end: number } {
  let i = start;
  if (text[i] === '-') i++;
  while (isDigit(text[i])) i++;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  if (
    (text[i] === 'e' || text[i] === 'E') &&
    (isDigit(text[i + 1]) || (/[+-]/.test(text[i + 1] ?? '') && isDigit(text[i + 2])))
  ) {
    i += 2;
    while (isDigit(text[i])) i++;
  }
  const num = Number(text.slice(start, i));
  const unitStart = i;
  while (/[A-Za-z]/.test(text[i] ?? '')) i++;
  if (isNameChar(text[i]) || text[i] === '@')
    throw queryError(text, start, `Unexpected symbol ${quoteSnippet(text.slice(start, i + 1))}`);
  return { num, unit: text.slice(unitStart, i), end: i };
}

/** Decodes a quoted string starting at `start`; escapes \" \' \\ \n \t \r \/ \`, nothing else. */
function readQuoted(text: string, start: number, quote: string): { text: string; end: number } {
  let i = start + 1;
  let value = '';
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n') throw queryError(text, start, 'Unterminated string literal');
    if (c === quote) return { text: value, end: i + 1 };
    if (c === '\\') {
      const e = text[i + 1];
      const decoded = e === undefined ? undefined : ESCAPES[e];
      if (decoded === undefined)
        throw queryError(text, i, `Unsupported escape sequence ${quoteSnippet(`\\${e ?? ''}`)}`);
      value += decoded;
      i += 2;
    } else {
      value += c;
      i++;
    }
  }
}

/** Reads `/source/flags`; the source is kept verbatim for the regex parser (escapes included). */
function readRegex(text: string, start: number): { source: string; flags: string; end: number } {
  let i = start + 1;
  let inClass = false;
  for (;;) {
    const c = text[i];
    if (c === undefined || c === '\n') throw queryError(text, start, 'Unterminated regular expression');
    if (c === '\\') {
      if (text[i + 1] === undefined || text[i + 1] === '\n')
        throw queryError(text, start, 'Unterminated regular expression');
      i += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
    i++;
  }
  const source = text.slice(start + 1, i);
  i++;
  const flagStart = i;
  while (/[A-Za-z]/.test(text[i] ?? '')) i++;
  return { source, flags: text.slice(flagStart, i), end: i };
}
