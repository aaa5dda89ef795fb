/**
 * Syntax tree of a parsed query. Every node keeps its source offset so that semantic errors found
 * after parsing still point at the right place.
 */

/** A reference to a field by name (`responseCode`, `@timestamp`, `` `odd name` ``). */
export interface FieldRef {
  kind: 'field';
  name: string;
  pos: number;
  /** Written as an expression (`count(*)`): may only name a stats output column. */
  expression?: boolean;
}

/** A string or number literal. */
export interface Literal {
  kind: 'literal';
  value: string | number;
  pos: number;
}

/** A value operand: a field or a literal. */
export type ValueExpr = FieldRef | Literal;

/** A regular expression literal `/source/flags`. */
export interface RegexLiteral {
  kind: 'regex';
  source: string;
  flags: string;
  pos: number;
}

/** Comparison operators of `filter`. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A boolean condition of `filter`. */
export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; operand: Condition }
  | { kind: 'compare'; op: CompareOp; left: ValueExpr; right: ValueExpr; pos: number }
  | { kind: 'in'; negated: boolean; operand: ValueExpr; values: Literal[]; pos: number }
  | { kind: 'like'; negated: boolean; operand: ValueExpr; pattern: Literal | RegexLiteral; pos: number }
  | { kind: 'present' | 'empty'; field: FieldRef; pos: number };

/** Aggregation functions of `stats`. */
export type AggFn = 'count' | 'count_distinct' | 'sum' | 'avg' | 'min' | 'max' | 'pct';

/** One aggregation: `count(*)`, `pct(duration, 99) as p99`. `field` is absent for `count(*)`. */
export interface Aggregation {
  fn: AggFn;
  field?: FieldRef;
  percentile?: number;
  /** Output column name: the alias, or the expression text as written. */
  name: string;
  pos: number;
}

/** One `by` item: a field or `bin(period)` (over @timestamp), with its output column name. */
export type GroupItem =
  | { kind: 'field'; field: FieldRef; name: string; pos: number }
  | { kind: 'bin'; periodMs: number; name: string; pos: number };

/** One sort key. */
export interface SortKey {
  expr: FieldRef;
  desc: boolean;
}

/** One command of the pipeline. */
export type Command =
  | { kind: 'fields'; items: { expr: ValueExpr; name: string }[]; pos: number }
  | { kind: 'display'; fields: FieldRef[]; pos: number }
  | { kind: 'filter'; condition: Condition; pos: number }
  /** `filterIndex f = v` / `filterIndex f in [..]`: a filter that may skip events by a field index. */
  | { kind: 'filterIndex'; field: FieldRef; values: Literal[]; pos: number }
  | { kind: 'stats'; aggregations: Aggregation[]; groups: GroupItem[]; pos: number }
  | { kind: 'sort'; keys: SortKey[]; pos: number }
  | { kind: 'limit'; count: number; pos: number }
  | { kind: 'dedup'; fields: FieldRef[]; pos: number }
  | { kind: 'parse'; source: FieldRef; pattern: string; names: string[]; pos: number };

/** A parsed query. */
export interface Query {
  text: string;
  commands: Command[];
}
