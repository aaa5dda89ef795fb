/**
 * Per-group, per-field dictionary of string values. Low-cardinality fields (ARNs, methods, "-")
 * are stored as small integer codes; once a field has seen `MAX_DICT_VALUES` distinct strings the
 * dictionary stops growing, and further unseen values are kept as raw strings by the column. This
 * bounds the memory of high-cardinality fields (request ids, client ports) to what they cost anyway.
 */

/** Distinct values a field may put in its dictionary before new values stay raw. */
export const MAX_DICT_VALUES = 4096;
/** Longer strings are never dictionary-encoded: they rarely repeat and would bloat the table. */
export const MAX_DICT_STRING = 256;

/** Interning table of one field. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  /** The code of `s`, adding it if there is room; -1 when it must be stored raw. */
  codeOf(s: string): number {
    const known = this.index.get(s);
    if (known !== undefined) return known;
    if (this.values.length >= MAX_DICT_VALUES || s.length > MAX_DICT_STRING) return -1;
    const code = this.values.length;
    this.values.push(s);
    this.index.set(s, code);
    return code;
  }

  /** The string of a code returned by `codeOf`. */
  valueOf(code: number): string {
    return this.values[code] as string;
  }

  get size(): number {
    return this.values.length;
  }
}
