/**
 * Compiles bound conditions into predicates over row indices. Called once per batch: readers are
 * resolved here, so the per-row work is the comparison itself (with a fast path for a JSON number
 * compared with a number literal, and for string equality against a non-numeric literal).
 */
import type { CompareOp } from './ast';
import type { Env } from './env';
import type { BoundCondition } from './planTypes';
import type { FieldReader, FieldValue } from './source';
import { compareValues, isMissing, toNumber, toText } from './values';

/** True when the row at index i passes. */
export type Predicate = (i: number) => boolean;

const OP_TEST: Record<CompareOp, (d: number) => boolean> = {
  '=': (d) => d === 0,
  '!=': (d) => d !== 0,
  '<': (d) => d < 0,
  '<=': (d) => d <= 0,
  '>': (d) => d > 0,
  '>=': (d) => d >= 0,
};

/** The predicate of `c` over the rows `env` reads. */
export function compileCondition(c: BoundCondition, env: Env): Predicate {
  switch (c.kind) {
    case 'and': {
      const l = compileCondition(c.left, env);
      const r = compileCondition(c.right, env);
      return (i) => l(i) && r(i);
    }
    case 'or': {
      const l = compileCondition(c.left, env);
      const r = compileCondition(c.right, env);
      return (i) => l(i) || r(i);
    }
    case 'not': {
      const p = compileCondition(c.operand, env);
      return (i) => !p(i);
    }
    case 'compare':
      return c.right.kind === 'const'
        ? compareWithLiteral(c.op, env.reader(c.left), c.right.value)
        : compareReaders(c.op, env.reader(c.left), env.reader(c.right));
    case 'in': {
      const r = env.reader(c.operand);
      return negate(c.negated, r, membership(r, c.values));
    }
    case 'like': {
      const r = env.reader(c.operand);
      const sub = c.substring;
      const re = c.regex;
      const test: Predicate =
        re !== undefined
          ? (i) => {
              const v = r(i);
              return !isMissing(v) && re.test(toText(v));
            }
          : (i) => {
              const v = r(i);
              return !isMissing(v) && toText(v).includes(sub as string);
            };
      return negate(c.negated, r, test);
    }
    case 'present': {
      const r = env.reader(c.operand);
      return (i) => !isMissing(r(i));
    }
    case 'empty': {
      const r = env.reader(c.operand);
      return (i) => {
        const v = r(i);
        return isMissing(v) || v === '';
      };
    }
  }
}

/** `not in` / `not like`: the negation of the test, still false when the operand is missing. */
function negate(negated: boolean, r: FieldReader, p: Predicate): Predicate {
  return negated ? (i) => !isMissing(r(i)) && !p(i) : p;
}

function compareReaders(op: CompareOp, l: FieldReader, r: FieldReader): Predicate {
  const test = OP_TEST[op];
  return (i) => {
    const d = compareValues(l(i), r(i));
    return d !== undefined && test(d);
  };
}

function compareWithLiteral(op: CompareOp, l: FieldReader, lit: FieldValue): Predicate {
  const test = OP_TEST[op];
  const n = toNumber(lit);
  if (!Number.isNaN(n)) {
    // Fast path: a JSON number against a numeric literal needs no coercion.
    return (i) => {
      const v = l(i);
      if (typeof v === 'number') return test(v < n ? -1 : v > n ? 1 : 0);
      const d = compareValues(v, lit);
      return d !== undefined && test(d);
    };
  }
  const s = isMissing(lit) ? '' : toText(lit);
  if (op === '=' || op === '!=') {
    const eq = op === '=';
    // A non-numeric literal is always compared as a string.
    return (i) => {
      const v = l(i);
      if (isMissing(v)) return false;
      return (typeof v === 'string' ? v === s : toText(v) === s) === eq;
    };
  }
  return (i) => {
    const d = compareValues(l(i), s);
    return d !== undefined && test(d);
  };
}

/** `x in [..]`: numeric equality when x is numeric, string equality otherwise. */
function membership(r: FieldReader, values: (string | number)[]): Predicate {
  const nums = new Set<number>();
  const strs = new Set<string>();
  for (const v of values) {
    const n = toNumber(v);
    if (!Number.isNaN(n)) nums.add(n);
    else strs.add(toText(v));
  }
  return (i) => {
    const v = r(i);
    if (isMissing(v)) return false;
    const n = toNumber(v);
    return Number.isNaN(n) ? strs.has(toText(v)) : nums.has(n);
  };
}
