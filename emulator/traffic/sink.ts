/**
 * Buffers records per log group and stream and hands them to the Logs store's fast append API in
 * batches (records arrive in time order, so each batch is already sorted).
 */
import type { AppendRecord, LogGroup, LogsStore } from '../logs/store';
import type { AccessLogRecord } from './vocabulary';
import type { Destination } from './world';

/** Records waiting to be appended. */
export class RecordSink {
  private readonly buffers = new Map<LogGroup, Map<string, AppendRecord[]>>();
  /** Records buffered since the last flush. */
  pending = 0;

  /** Queues a record for a destination. */
  add(dest: Destination, timestamp: number, ingestionTime: number, record: AccessLogRecord): void {
    let streams = this.buffers.get(dest.group);
    if (!streams) {
      streams = new Map();
      this.buffers.set(dest.group, streams);
    }
    let list = streams.get(dest.stream);
    if (!list) {
      list = [];
      streams.set(dest.stream, list);
    }
    list.push({ timestamp, ingestionTime, record });
    this.pending++;
  }

  /** Appends everything buffered; `now` lets the store enforce retention first. */
  flush(logs: LogsStore, now: number): void {
    for (const [group, streams] of this.buffers) {
      for (const [stream, events] of streams) {
        // A stream is created by its first delivery, not by the flush that happens to carry it.
        if (!group.streams.has(stream)) group.createStream(stream, events[0]?.timestamp ?? now);
        logs.appendRecords(group, stream, events, now);
      }
    }
    this.buffers.clear();
    this.pending = 0;
  }
}
