/**
 * Parser of `filter` conditions. Precedence, loosest first: `or`, `and`, `not`, then one predicate
 * (a comparison, `in`, `like`, `=~`, `ispresent()`/`isempty()`) or a parenthesized condition.
 */
import type { CompareOp, Condition, Literal, RegexLiteral, ValueExpr } from './ast';
import type { Cursor } from './cursor';
import { quoteSnippet } from './errors';

const COMPARE_OPS = new Set<string>(['=', '!=', '<', '<=', '>', '>=']);
/** Functions of the real service that this emulator does not evaluate (rejected, never guessed). */
const BOOLEAN_FNS = new Set(['ispresent', 'isempty']);

/** Parses a whole condition. */
export function parseCondition(c: Cursor): Condition {
  let left = parseAnd(c);
  while (c.acceptWord('or')) left = { kind: 'or', left, right: parseAnd(c) };
  return left;
}

function parseAnd(c: Cursor): Condition {
  let left = parseNot(c);
  while (c.acceptWord('and')) left = { kind: 'and', left, right: parseNot(c) };
  return left;
}

function parseNot(c: Cursor): Condition {
  if (c.acceptWord('not')) return { kind: 'not', operand: parseNot(c) };
  return parsePrimary(c);
}

function parsePrimary(c: Cursor): Condition {
  const t = c.peek();
  if (c.isOp('(')) {
    c.next();
    const inner = parseCondition(c);
    c.expectOp(')');
    return inner;
  }
  if (t.kind === 'name' && c.isOp('(', 1)) {
    const fn = t.value.toLowerCase();
    if (!BOOLEAN_FNS.has(fn)) c.fail(t.pos, `Unsupported function ${quoteSnippet(t.value)}`);
    c.next();
    c.expectOp('(');
    const field = c.fieldRef();
    c.expectOp(')');
    return { kind: fn === 'ispresent' ? 'present' : 'empty', field, pos: t.pos };
  }
  const operand = parseValue(c);
  return parsePredicateRest(c, operand);
}

/** After the left operand: the operator and what it needs. */
function parsePredicateRest(c: Cursor, operand: ValueExpr): Condition {
  const op = c.peek();
  const pos = operand.pos;
  if (op.kind === 'op' && COMPARE_OPS.has(op.value)) {
    c.next();
    return { kind: 'compare', op: op.value as CompareOp, left: operand, right: parseValue(c), pos };
  }
  if (c.isOp('=~')) {
    c.next();
    return {
      kind: 'like',
      negated: false,
      operand,
      pattern: parseRegex(c, "a regular expression /…/ after '=~'"),
      pos,
    };
  }
  const negated = c.isWord('not') && (c.isWord('in', 1) || c.isWord('like', 1));
  if (negated) c.next();
  if (c.acceptWord('in')) return { kind: 'in', negated, operand, values: parseList(c), pos };
  if (c.acceptWord('like')) {
    const p = c.peek();
    let pattern: Literal | RegexLiteral;
    if (p.kind === 'string') {
      c.next();
      pattern = { kind: 'literal', value: p.value, pos: p.pos };
    } else pattern = parseRegex(c, 'a string or /regex/ after like');
    return { kind: 'like', negated, operand, pattern, pos };
  }
  return c.unexpected('expected a comparison (=, !=, <, <=, >, >=, in, like, =~)');
}

function parseRegex(c: Cursor, what: string): RegexLiteral {
  const t = c.peek();
  if (t.kind !== 'regex') return c.unexpected(`expected ${what}`);
  c.next();
  return { kind: 'regex', source: t.value, flags: t.extra, pos: t.pos };
}

/** `[literal, literal, …]` (at least one). */
function parseList(c: Cursor): Literal[] {
  c.expectOp('[');
  const values: Literal[] = [parseLiteral(c)];
  while (c.isOp(',')) {
    c.next();
    values.push(parseLiteral(c));
  }
  c.expectOp(']');
  return values;
}

/** A string or number literal. */
export function parseLiteral(c: Cursor): Literal {
  const t = c.peek();
  if (t.kind === 'string') {
    c.next();
    return { kind: 'literal', value: t.value, pos: t.pos };
  }
  if (t.kind === 'number') {
    c.next();
    return { kind: 'literal', value: t.num, pos: t.pos };
  }
  return c.unexpected('expected a string or a number');
}

/** A field reference or a literal. */
export function parseValue(c: Cursor): ValueExpr {
  const t = c.peek();
  if (t.kind === 'string' || t.kind === 'number') return parseLiteral(c);
  return c.fieldRef('a field name or a value');
}
