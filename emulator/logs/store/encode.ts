/**
 * Deciding how a message is stored. A message that is a flat JSON object and that JSON.stringify
 * reproduces exactly (what the traffic simulator and most loggers write) is stored as a shape plus
 * values; anything else stays a string. Records handed over by the traffic simulator skip parsing.
 */
import type { FieldValue } from '../insights/source';
import type { FieldTable } from './fieldTable';

/** How one message will be stored. */
export interface Encoded {
  shapeId: number;
  values?: FieldValue[];
  raw?: string;
  size: number;
}

/** Scalar values a flat record may hold. */
export type RecordValue = string | number | boolean | null;

/** Reuses the last shape when a record has the same keys in the same order (the common case). */
export class ShapeCache {
  private keys: string[] = [];
  private id = 0;

  shapeOf(table: FieldTable, keys: string[]): number {
    const last = this.keys;
    if (keys.length === last.length && this.id !== 0) {
      let same = true;
      for (let k = 0; k < keys.length; k++) {
        if (keys[k] !== last[k]) {
          same = false;
          break;
        }
      }
      if (same) return this.id;
    }
    this.keys = keys;
    this.id = table.shapeId(keys);
    return this.id;
  }
}

function isScalar(v: unknown): v is RecordValue {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** Encodes a message written through PutLogEvents. */
export function encodeMessage(table: FieldTable, cache: ShapeCache, message: string): Encoded {
  const size = Buffer.byteLength(message, 'utf8');
  if (message.length >= 2 && message.charCodeAt(0) === 123 && message.charCodeAt(message.length - 1) === 125) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return { shapeId: 0, raw: message, size };
    }
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const obj = parsed as Record<string, unknown>;
      const keys = Object.keys(obj);
      if (keys.length > 0 && keys.every((k) => isScalar(obj[k])) && JSON.stringify(obj) === message) {
        const shapeId = cache.shapeOf(table, keys);
        if (shapeId !== 0) return { shapeId, values: keys.map((k) => obj[k] as RecordValue), size };
      }
    }
  }
  return { shapeId: 0, raw: message, size };
}

/** Printable ASCII without `"` or `\\`: JSON.stringify only adds the two quotes. */
export const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** UTF-8 bytes of JSON.stringify(v) for a scalar, without building the text when it can be avoided. */
function jsonBytes(v: RecordValue): number {
  if (typeof v === 'string') return PLAIN.test(v) ? v.length + 2 : Buffer.byteLength(JSON.stringify(v), 'utf8');
  if (typeof v === 'number') return String(v).length;
  return v === true ? 4 : v === false ? 5 : 4;
}

/**
 * Encodes a record from the traffic simulator without parsing or serializing it. The stored
 * message is `JSON.stringify(record)`; non-finite numbers become null (as JSON.stringify writes
 * them) and undefined values are left out (as JSON.stringify leaves them out).
 */
export function encodeRecord(
  table: FieldTable,
  cache: ShapeCache,
  record: Record<string, RecordValue | undefined>,
): Encoded {
  let keys = Object.keys(record);
  let values: RecordValue[] = new Array<RecordValue>(keys.length);
  let dropped = false;
  for (let k = 0; k < keys.length; k++) {
    const v = record[keys[k] as string];
    if (v === undefined) {
      dropped = true;
      continue;
    }
    if (!isScalar(v)) return rawRecord(record);
    values[k] = typeof v === 'number' && !Number.isFinite(v) ? null : v;
  }
  if (dropped) {
    const kept = keys.map((_, k) => k).filter((k) => record[keys[k] as string] !== undefined);
    keys = kept.map((k) => keys[k] as string);
    values = kept.map((k) => values[k] as RecordValue);
  }
  const shapeId = keys.length === 0 ? 0 : cache.shapeOf(table, keys);
  if (shapeId === 0) return rawRecord(record);
  let size = table.shape(shapeId).frameBytes;
  for (let k = 0; k < values.length; k++) size += jsonBytes(values[k] as RecordValue);
  return { shapeId, values, size };
}

/** JSON.stringify of a scalar, with a fast path for plain strings and numbers. */
export function jsonText(v: unknown): string {
  if (typeof v === 'string') return PLAIN.test(v) ? `"${v}"` : JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  return JSON.stringify(v) ?? 'null';
}

function rawRecord(record: Record<string, unknown>): Encoded {
  const text = JSON.stringify(record);
  return { shapeId: 0, raw: text, size: Buffer.byteLength(text, 'utf8') };
}
