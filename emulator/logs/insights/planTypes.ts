/**
 * The executable form of a query: names resolved to bindings, regexes compiled, commands split
 * into the per-event steps, the aggregation and the operations on result rows.
 */
import type { AggFn, CompareOp } from './ast';
import type { RegexMatcher } from './regex/matcher';
import type { FieldValue } from './source';

/** System fields every event has. */
export type SystemField = '@timestamp' | '@ingestionTime' | '@message' | '@logStream' | '@log' | '@ptr';

/** Where a name's value comes from at the point of the query where it is used. */
export type Binding =
  | { kind: 'system'; name: SystemField }
  | { kind: 'json'; name: string }
  | { kind: 'slot'; slot: number }
  | { kind: 'const'; value: FieldValue }
  | { kind: 'column'; index: number };

/** A condition with its operands bound. Operators other than `not` are false on missing operands. */
export type BoundCondition =
  | { kind: 'and' | 'or'; left: BoundCondition; right: BoundCondition }
  | { kind: 'not'; operand: BoundCondition }
  | { kind: 'compare'; op: CompareOp; left: Binding; right: Binding }
  | { kind: 'in'; negated: boolean; operand: Binding; values: (string | number)[] }
  | { kind: 'like'; negated: boolean; operand: Binding; substring?: string; regex?: RegexMatcher }
  | { kind: 'present' | 'empty'; operand: Binding };

/** A per-event step, run in query order. */
export type EventStep =
  | { kind: 'filter'; condition: BoundCondition }
  | { kind: 'parse'; source: Binding; literals: string[]; slots: number[] };

/** How an output column prints: `time` as a timestamp, `aggregate` as a rounded number. */
export interface OutputColumn {
  name: string;
  format: 'raw' | 'time' | 'aggregate';
}

/** An operation on materialized result rows; indices point into `Row.vals`. */
export type RowOp =
  | { kind: 'sort'; keys: { index: number; desc: boolean }[] }
  | { kind: 'dedup'; indices: number[] }
  | { kind: 'limit'; count: number }
  | { kind: 'filter'; condition: BoundCondition };

/** One grouping dimension of stats. */
export type StatsDim = { kind: 'bin'; periodMs: number } | { kind: 'field'; binding: Binding };

/** One aggregation of stats. */
export interface StatsAgg {
  fn: AggFn;
  binding?: Binding;
  percentile?: number;
}

/** The `filterIndex` of a query: events of indexed groups whose `field` is none of `values` may be skipped. */
export interface IndexFilter {
  field: string;
  values: (string | number)[];
}

/** A query without stats: events become rows. */
export interface EventsPlan {
  kind: 'events';
  steps: EventStep[];
  index?: IndexFilter;
  slotCount: number;
  /** Values each collected row carries for sorting and dedup (indices 0..keys-1 of Row.vals). */
  keys: Binding[];
  /** Output columns; their values follow the keys in Row.vals. */
  columns: { column: OutputColumn; binding: Binding }[];
  /** Order of collection (sorts before the first limit/dedup), most significant first. */
  order: { index: number; desc: boolean }[];
  /** What bounds collection: the first `limit`, a `dedup`, or just the result cap. */
  collect: { kind: 'top'; count?: number } | { kind: 'dedup'; indices: number[] };
  /** Operations after the first limit/dedup. */
  after: RowOp[];
}

/** A query with stats: events feed the aggregation; its groups become rows. */
export interface StatsPlan {
  kind: 'stats';
  steps: EventStep[];
  index?: IndexFilter;
  slotCount: number;
  dims: StatsDim[];
  aggs: StatsAgg[];
  /** Group columns, then aggregation columns. */
  columns: OutputColumn[];
  ops: RowOp[];
  /** Columns shown (indices into columns), from the last `display`; all when absent. */
  display?: number[];
}

/** The executable query. */
export type Plan = EventsPlan | StatsPlan;

/** A materialized result row: values, plus what the default order needs. */
export interface Row {
  vals: FieldValue[];
  /** Event timestamp (events) or bin start (stats, 0 without bin). */
  ts: number;
  /** Tie-breaker: position of the event (batch number * 2^32 + index) or group creation order. */
  ord: number;
}
