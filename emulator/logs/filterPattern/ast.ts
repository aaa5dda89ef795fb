/**
 * The parsed form of a CloudWatch Logs filter pattern (FilterLogEvents `filterPattern`). The
 * emulator supports term patterns and JSON patterns; other forms (space-delimited `[...]`, regex
 * `%...%`) are refused with InvalidParameterException rather than matched loosely.
 */

/** One step of a JSON selector: a key (`$.key`) or an array index (`$.list[0]`). */
export type PathSegment = string | number;

/** Comparison operators of JSON patterns. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** The right-hand side of a comparison. */
export type CompareValue = { type: 'number'; n: number } | { type: 'string'; text: string; glob?: RegExp };

/** A JSON pattern expression. */
export type JsonExpr =
  | { kind: 'and' | 'or'; left: JsonExpr; right: JsonExpr }
  | { kind: 'compare'; path: PathSegment[]; op: CompareOp; value: CompareValue }
  | { kind: 'isNull' | 'notExists' | 'isTrue' | 'isFalse'; path: PathSegment[] };

/** A whole filter pattern. */
export type FilterPattern =
  /** The empty pattern: every event. */
  | { kind: 'all' }
  /** Every `include` term appears in the message and no `exclude` term does. */
  | { kind: 'terms'; include: string[]; exclude: string[] }
  /** At least one of the `?term`s appears. */
  | { kind: 'anyTerm'; terms: string[] }
  /** A `{ ... }` pattern over JSON messages. */
  | { kind: 'json'; expr: JsonExpr };

/** A pattern the emulator cannot parse or does not support; `position` is a 0-based offset. */
export class FilterPatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'FilterPatternError';
  }
}
