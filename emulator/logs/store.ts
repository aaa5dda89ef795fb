/**
 * The CloudWatch Logs log groups, streams and events of the emulated world.
 * PLACEHOLDER: filled in by the CloudWatch Logs work (issue 3).
 */

/** Serialized form of the Logs state. */
export type LogsJson = Record<string, unknown>;

/** All log groups. */
export class LogsStore {
  /** Serializes the store. */
  toJSON(): LogsJson {
    return {};
  }

  /** Rebuilds a store from `toJSON()` output. */
  static fromJSON(_json: LogsJson): LogsStore {
    return new LogsStore();
  }
}
