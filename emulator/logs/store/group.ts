/**
 * A log group of one account and region: metadata, streams, the field table its events are encoded
 * with, stored bytes, and retention (events older than the retention are invisible at once and
 * freed chunk by chunk).
 */
import type { Chunk } from './chunk';
import { encodeMessage, encodeRecord, ShapeCache, type Encoded, type RecordValue } from './encode';
import { FieldTable } from './fieldTable';
import { LogStream } from './stream';

const DAY_MS = 86_400_000;

/** Log group classes of the model. */
export type LogGroupClass = 'STANDARD' | 'INFREQUENT_ACCESS' | 'DELIVERY';

/** Settable metadata of a group. */
export interface GroupOptions {
  logGroupClass?: LogGroupClass;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  deletionProtectionEnabled?: boolean;
  retentionInDays?: number;
}

/** A field index policy (PutIndexPolicy): its document, and since when each field is indexed. */
export interface IndexPolicy {
  document: string;
  /** Field → ingestion time (ms) from which its events are indexed (events before are not). */
  since: Record<string, number>;
  updatedAt: number;
}

/** One log group. */
export class LogGroup {
  readonly table = new FieldTable();
  readonly streams = new Map<string, LogStream>();
  retentionInDays: number | undefined;
  readonly logGroupClass: LogGroupClass;
  readonly kmsKeyId: string | undefined;
  readonly tags: Record<string, string> | undefined;
  deletionProtectionEnabled: boolean;
  /** The field index policy, if any (not persisted with the world). */
  indexPolicy: IndexPolicy | undefined;
  /** UTF-8 bytes of the events kept. */
  storedBytes = 0;
  /** Counter behind the (ignored) sequence tokens PutLogEvents still returns. */
  sequence = 0;
  private nextStreamNo = 0;
  private readonly shapes = new ShapeCache();

  constructor(
    readonly accountId: string,
    readonly region: string,
    readonly name: string,
    readonly creationTime: number,
    opts: GroupOptions = {},
  ) {
    this.logGroupClass = opts.logGroupClass ?? 'STANDARD';
    this.kmsKeyId = opts.kmsKeyId;
    this.tags = opts.tags;
    this.deletionProtectionEnabled = opts.deletionProtectionEnabled ?? false;
    this.retentionInDays = opts.retentionInDays;
  }

  /** `arn:aws:logs:<region>:<account>:log-group:<name>` (DescribeLogGroups `logGroupArn`). */
  get logGroupArn(): string {
    return `arn:aws:logs:${this.region}:${this.accountId}:log-group:${this.name}`;
  }

  /** The same with `:*` (DescribeLogGroups `arn`). */
  get arn(): string {
    return `${this.logGroupArn}:*`;
  }

  /** `@log` of Logs Insights: `<account>:<name>`. */
  get logGroupId(): string {
    return `${this.accountId}:${this.name}`;
  }

  /** Events with a timestamp before this are past retention at `now`. */
  cutoff(now: number): number {
    return this.retentionInDays === undefined ? -Infinity : now - this.retentionInDays * DAY_MS;
  }

  /** Frees events past retention. */
  enforceRetention(now: number): void {
    const cutoff = this.cutoff(now);
    if (cutoff === -Infinity) return;
    for (const s of this.streams.values()) this.storedBytes -= s.trimBefore(cutoff);
  }

  /** Creates a stream; undefined if one of that name exists. */
  createStream(name: string, now: number): LogStream | undefined {
    if (this.streams.has(name)) return undefined;
    const s = new LogStream(name, this.nextStreamNo++, now, this.table);
    this.streams.set(name, s);
    return s;
  }

  /** Appends a message (parsed and encoded if it is flat JSON). */
  appendMessage(stream: LogStream, timestamp: number, ingestionTime: number, message: string): Chunk {
    return this.append(stream, timestamp, ingestionTime, encodeMessage(this.table, this.shapes, message));
  }

  /** Appends a record as the message `JSON.stringify(record)` without parsing it. */
  appendRecord(
    stream: LogStream,
    timestamp: number,
    ingestionTime: number,
    record: Record<string, RecordValue | undefined>,
  ): Chunk {
    return this.append(stream, timestamp, ingestionTime, encodeRecord(this.table, this.shapes, record));
  }

  private append(stream: LogStream, timestamp: number, ingestionTime: number, e: Encoded): Chunk {
    this.storedBytes += e.size;
    return stream.append({ timestamp, ingestionTime, size: e.size, shapeId: e.shapeId, values: e.values, raw: e.raw });
  }
}
