/**
 * Readers for bindings: over the events of one batch (resolved once per batch, not per row) or
 * over materialized result rows (for conditions after stats).
 */
import type { Binding, Row } from './planTypes';
import type { FieldReader, FieldValue, LogBatch } from './source';

/** Supplies a reader for each binding of a compiled condition or step. */
export interface Env {
  reader(b: Binding): FieldReader;
}

const MISSING: FieldReader = () => undefined;

/** Readers over a batch; `slots` holds the values `parse` extracted from the current event. */
export function batchEnv(batch: LogBatch, slots: FieldValue[]): Env {
  return {
    reader(b: Binding): FieldReader {
      switch (b.kind) {
        case 'json':
          return batch.field(b.name) ?? MISSING;
        case 'slot': {
          const k = b.slot;
          return () => slots[k];
        }
        case 'const': {
          const v = b.value;
          return () => v;
        }
        case 'column':
          throw new Error('internal: a stats column read from an event batch');
        case 'system':
          switch (b.name) {
            case '@timestamp':
              return (i) => batch.timestamp(i);
            case '@ingestionTime':
              return (i) => batch.ingestionTime(i);
            case '@message':
              return (i) => batch.message(i);
            case '@logStream':
              return (i) => batch.logStream(i);
            case '@ptr':
              return (i) => batch.ptr(i);
            case '@log': {
              const id = batch.logGroupId;
              return () => id;
            }
          }
      }
    },
  };
}

/** Readers over result rows, by column index. */
export function rowsEnv(rows: readonly Row[]): Env {
  return {
    reader(b: Binding): FieldReader {
      if (b.kind === 'const') return () => b.value;
      if (b.kind !== 'column') throw new Error('internal: an event field read from stats rows');
      const k = b.index;
      return (i) => rows[i]?.vals[k];
    },
  };
}
