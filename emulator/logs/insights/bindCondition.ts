/**
 * Binds the operands of a parsed condition and compiles its regexes. Regex errors become
 * InsightsQueryErrors pointing into the regex literal.
 */
import type { Condition, FieldRef, RegexLiteral, ValueExpr } from './ast';
import { queryError } from './errors';
import type { Binding, BoundCondition } from './planTypes';
import { RegexSyntaxError, parseRegex } from './regex/parse';
import { RegexMatcher } from './regex/matcher';

/** Resolves a field reference where the condition stands in the pipeline. */
export type Resolver = (ref: FieldRef) => Binding;

/** The bound form of `c`. */
export function bindCondition(text: string, c: Condition, resolve: Resolver): BoundCondition {
  const value = (v: ValueExpr): Binding => (v.kind === 'literal' ? { kind: 'const', value: v.value } : resolve(v));
  switch (c.kind) {
    case 'and':
    case 'or':
      return { kind: c.kind, left: bindCondition(text, c.left, resolve), right: bindCondition(text, c.right, resolve) };
    case 'not':
      return { kind: 'not', operand: bindCondition(text, c.operand, resolve) };
    case 'compare':
      return { kind: 'compare', op: c.op, left: value(c.left), right: value(c.right) };
    case 'in':
      return { kind: 'in', negated: c.negated, operand: value(c.operand), values: c.values.map((l) => l.value) };
    case 'like':
      return c.pattern.kind === 'regex'
        ? { kind: 'like', negated: c.negated, operand: value(c.operand), regex: compileRegexLiteral(text, c.pattern) }
        : { kind: 'like', negated: c.negated, operand: value(c.operand), substring: String(c.pattern.value) };
    case 'present':
    case 'empty':
      return { kind: c.kind, operand: resolve(c.field) };
  }
}

/** Compiles a regex literal; a pattern the engine refuses is a query error at that spot. */
export function compileRegexLiteral(text: string, re: RegexLiteral): RegexMatcher {
  try {
    return new RegexMatcher(parseRegex(re.source, re.flags));
  } catch (e) {
    if (e instanceof RegexSyntaxError) throw queryError(text, re.pos + 1 + e.offset, e.message);
    throw e;
  }
}
