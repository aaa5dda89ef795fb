/**
 * Evaluating a parsed filter pattern against one event. Term patterns look at the message text
 * (case-sensitive substring). JSON patterns look at the values of a JSON object message: a number
 * comparison matches only JSON numbers, a string comparison only JSON strings; a comparison on a
 * missing property is false (use NOT EXISTS for absence); events that are not JSON objects never
 * match a JSON pattern.
 */
import type { FieldValue } from '../insights/source';
import type { CompareValue, FilterPattern, JsonExpr, PathSegment } from './ast';

/** Marks a path that does not exist in the event. */
export const ABSENT: unique symbol = Symbol('absent');

/** A value found at a path: a scalar, a nested object/array, or ABSENT. */
export type Found = FieldValue | object | typeof ABSENT;

/** What a pattern may ask of an event. */
export interface EventView {
  message(): string;
  /** Whether the message is a JSON object. */
  isJson(): boolean;
  /** The value at a selector path. */
  lookup(path: readonly PathSegment[]): Found;
}

/** True when `event` matches `pattern`. */
export function matches(pattern: FilterPattern, event: EventView): boolean {
  switch (pattern.kind) {
    case 'all':
      return true;
    case 'terms': {
      const m = event.message();
      return pattern.include.every((t) => m.includes(t)) && !pattern.exclude.some((t) => m.includes(t));
    }
    case 'anyTerm': {
      const m = event.message();
      return pattern.terms.some((t) => m.includes(t));
    }
    case 'json':
      return event.isJson() && evaluate(pattern.expr, event);
  }
}

function evaluate(e: JsonExpr, event: EventView): boolean {
  switch (e.kind) {
    case 'and':
      return evaluate(e.left, event) && evaluate(e.right, event);
    case 'or':
      return evaluate(e.left, event) || evaluate(e.right, event);
    case 'isNull':
      return event.lookup(e.path) === null;
    case 'isTrue':
      return event.lookup(e.path) === true;
    case 'isFalse':
      return event.lookup(e.path) === false;
    case 'notExists':
      return event.lookup(e.path) === ABSENT;
    case 'compare':
      return compare(event.lookup(e.path), e.op, e.value);
  }
}

function compare(v: Found, op: string, want: CompareValue): boolean {
  if (want.type === 'number') {
    if (typeof v !== 'number') return false;
    const n = want.n;
    return op === '='
      ? v === n
      : op === '!='
        ? v !== n
        : op === '<'
          ? v < n
          : op === '<='
            ? v <= n
            : op === '>'
              ? v > n
              : v >= n;
  }
  if (typeof v !== 'string') return false;
  const equal = want.glob ? want.glob.test(v) : v === want.text;
  return op === '=' ? equal : !equal;
}

/** Walks a parsed JSON value along a selector path. */
export function walkPath(root: unknown, path: readonly PathSegment[]): Found {
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return ABSENT;
    if (typeof seg === 'number') {
      if (!Array.isArray(node) || seg >= node.length) return ABSENT;
      node = node[seg];
    } else {
      if (Array.isArray(node) || !Object.hasOwn(node, seg)) return ABSENT;
      node = (node as Record<string, unknown>)[seg];
    }
  }
  return node as Found;
}
