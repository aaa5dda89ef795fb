/**
 * IAM-style wildcard matching (`*` any run of characters, `?` one character), iterative with
 * single-star backtracking so a pattern can never take more than O(pattern × value) steps.
 */

/** Whether `value` matches the wildcard `pattern` exactly (case-sensitive; fold case before calling). */
export function globMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === value[v])) {
      p++;
      v++;
    } else if (c === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
