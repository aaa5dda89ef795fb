/**
 * The per-event part of a plan (filters and `parse` extractions, in query order) compiled over one
 * batch into a single predicate.
 */
import { compileCondition, type Predicate } from './compileCondition';
import type { Env } from './env';
import type { EventStep } from './planTypes';
import type { FieldReader, FieldValue } from './source';
import { isMissing, toText } from './values';

/** The predicate of all steps, or null when every event passes untouched. */
export function compileSteps(steps: readonly EventStep[], env: Env, slots: FieldValue[]): Predicate | null {
  const fns: Predicate[] = steps.map((s) =>
    s.kind === 'filter'
      ? compileCondition(s.condition, env)
      : compileParse(env.reader(s.source), s.literals, s.slots, slots),
  );
  if (fns.length === 0) return null;
  if (fns.length === 1) return fns[0] as Predicate;
  return (i) => {
    for (let k = 0; k < fns.length; k++) if (!(fns[k] as Predicate)(i)) return false;
    return true;
  };
}

/** A `parse` step: writes the captures into `slots` (or clears them when the pattern does not match). */
function compileParse(
  source: FieldReader,
  literals: readonly string[],
  slotIds: readonly number[],
  slots: FieldValue[],
): Predicate {
  return (i) => {
    const v = source(i);
    if (isMissing(v) || !globExtract(toText(v), literals, slotIds, slots)) {
      for (const k of slotIds) slots[k] = undefined;
    }
    return true;
  };
}

/**
 * Glob matching as Logs Insights does it: the pattern may match anywhere; each `*` captures lazily
 * up to the next literal, and a trailing `*` takes the rest of the value.
 */
export function globExtract(
  s: string,
  literals: readonly string[],
  slotIds: readonly number[],
  out: FieldValue[],
): boolean {
  const head = literals[0] as string;
  let p = 0;
  if (head !== '') {
    const k = s.indexOf(head);
    if (k < 0) return false;
    p = k + head.length;
  }
  for (let j = 1; j < literals.length; j++) {
    const lit = literals[j] as string;
    const slot = slotIds[j - 1] as number;
    if (lit === '' && j === literals.length - 1) {
      out[slot] = s.slice(p);
      return true;
    }
    const k = lit === '' ? p : s.indexOf(lit, p);
    if (k < 0) return false;
    out[slot] = s.slice(p, k);
    p = k + lit.length;
  }
  return true;
}
