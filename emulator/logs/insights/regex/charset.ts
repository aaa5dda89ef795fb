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
  return { ranges: pairs.flat(), parts: [], negated };
}

/** \d */
export const DIGIT = charSet([[48, 57]]);
/** \w (ASCII, as in JS without the u flag) */
export const WORD = charSet([
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
]);
/** \s (the JS whitespace and line terminator set) */
export const SPACE = charSet([
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
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

/** JS `Canonicalize` without the u flag: simple upper-casing, never mapping non-ASCII to ASCII. */
function canonicalize(c: number): number {
  const up = String.fromCharCode(c).toUpperCase();
  if (up.length !== 1) return c;
  const u = up.charCodeAt(0);
  return c >= 128 && u < 128 ? c : u;
}

let caseGroups: Map<number, number[]> | undefined;

/** The code units sharing the canonical form `canon` (built once, on the first `i` match). */
function caseGroup(canon: number): readonly number[] {
  if (!caseGroups) {
    caseGroups = new Map();
    for (let c = 0; c <= 0xffff; c++) {
      const k = canonicalize(c);
      if (k === c) continue;
      const g = caseGroups.get(k);
      if (g) g.push(c);
      else caseGroups.set(k, [k, c]);
    }
  }
  return caseGroups.get(canon) ?? [canon];
}

/**
 * Membership under the `i` flag, as JS defines it: some member of the set has the same canonical
 * form as `c`; a negated class inverts that answer.
 */
export function setHasFolded(set: CharSet, c: number): boolean {
  const group = caseGroup(canonicalize(c));
  const positive: CharSet = { ranges: set.ranges, parts: set.parts, negated: false };
  return group.some((a) => setHas(positive, a)) !== set.negated;
}
