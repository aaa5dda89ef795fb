/**
 * The contract between the CloudWatch Logs store (emulator/logs/store*) and the Logs Insights
 * engine (emulator/logs/insights/*). The store hands the engine batches of events of one log group
 * in a columnar form so that a query over millions of records touches typed arrays, not objects.
 */

/** A JSON field value of a message; numbers stay numbers; `undefined` means the field is absent. */
export type FieldValue = string | number | boolean | null | undefined;

/** Reads one field of the event at index `i` of a batch. */
export type FieldReader = (i: number) => FieldValue;

/** A run of events of one log group, in ascending timestamp order. */
export interface LogBatch {
  /** Number of events in the batch. */
  readonly length: number;
  /** `@log`: `<accountId>:<logGroupName>`, as Logs Insights shows it. */
  readonly logGroupId: string;
  /** `@timestamp` of event i, ms since the epoch. */
  timestamp(i: number): number;
  /** `@ingestionTime` of event i, ms since the epoch. */
  ingestionTime(i: number): number;
  /** `@logStream` of event i. */
  logStream(i: number): string;
  /** `@message` of event i, byte-exact as written. */
  message(i: number): string;
  /** UTF-8 size of the message of event i (for bytesScanned). */
  messageBytes(i: number): number;
  /** `@ptr` of event i: an opaque pointer that GetLogRecord-style lookups could resolve. */
  ptr(i: number): string;
  /**
   * A reader for a field discovered in the JSON messages (nested objects flattened with dots, e.g.
   * `a.b`); undefined when no event of the batch has the field. Readers are cheap to call per row.
   */
  field(name: string): FieldReader | undefined;
  /** Names of the JSON fields discovered in this batch. */
  fieldNames(): readonly string[];
}

/** Everything a query reads: the batches of its log groups within its time range. */
export interface QuerySource {
  /** Batches of events with `startMs <= timestamp <= endMs`, any group order, each batch time-ordered. */
  batches(startMs: number, endMs: number): Iterable<LogBatch>;
}

/** One cell of a result row, as GetQueryResults returns it (values are strings on the wire). */
export interface ResultField {
  field: string;
  value: string;
}

/** Statistics as GetQueryResults reports them. */
export interface QueryStatistics {
  recordsMatched: number;
  recordsScanned: number;
  bytesScanned: number;
  /** Events (and their bytes) a `filterIndex` let the scan skip (AWS: estimated*Skipped). */
  estimatedRecordsSkipped?: number;
  estimatedBytesSkipped?: number;
}

/** A syntax or semantic error of a query, with the 0-based character position where it was found. */
export class InsightsQueryError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
    this.name = 'InsightsQueryError';
  }
}
