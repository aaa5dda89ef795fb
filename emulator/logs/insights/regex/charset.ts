/**
 * Character sets of the regex engine over UTF-16 code units: sorted inclusive ranges, nested sets
 * (a class containing \d or \W) and a negation flag.
 */

/** A set of code units: `negated` XOR (in one of `ranges` (pairs lo,hi) or in one of `parts`). */
export interface CharSet {
  ranges: readonly number[];
  parts: readonly CharSet[];
  negated: boolean;
}

/** A set from `[lo, hi]` pairs. */
export function charSet(pairs: [number, number][], negated = false): CharSet {
  return { ranges: pairs.flatMap(([lo, hi]) => [lo, hi]), parts: [], negated };
}

/** \d */
export const DIGIT = charSet([[48, 57]]);
/** \w (ASCII, as in JS without the u flag) */
export const WORD = charSet([[48, 57], [65, 90], [95, 95], [97, 122]]);
/** \s (the JS whitespace and line terminator set) */
export const SPACE = charSet([
  [9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]);

/** Whether code unit `c` is in `set`. */
export function setHas(set: CharSet, c: number): boolean {
  let inside = false;
  const r = set.ranges;
  for (let k = 0; k < r.length && !inside; k += 2) inside = c >= (r[k] as number) && c <= (r[k + 1] as number);
  for (let k = 0; k < set.parts.length && !inside; k++) inside = setHas(set.parts[k] as CharSet, c);
  return inside !== set.negated;
}

/** Whether `c` is a \w character (for \b). */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95 || (c >= 97 && c <= 122);
}

/** Membership with simple case folding (the `i` flag): the unit, its lower- and its upper-case form. */
export function setHasFolded(set: CharSet, c: number): boolean {
  if (setHas(set, c)) return true;
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  return (lo.length === 1 && setHas(set, lo.charCodeAt(0))) || (up.length === 1 && setHas(set, up.charCodeAt(0)));
}
