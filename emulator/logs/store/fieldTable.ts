/**
 * The JSON fields and key orders ("shapes") seen in one log group. A flat JSON message is stored as
 * a shape id plus one column cell per field; the shape gives back the key order, so the message can
 * be rebuilt byte for byte. Both tables are bounded: past the caps, new messages are stored raw.
 */
import { Dictionary } from './dictionary';

/** Distinct field names per group before new ones make messages raw. */
export const MAX_FIELDS = 2000;
/** Distinct key orders per group before new ones make messages raw. */
export const MAX_SHAPES = 10_000;

/** A key order: field ids, and the JSON text of each key followed by ':' (for rebuilding). */
export interface Shape {
  ids: Uint16Array;
  keyPrefixes: string[];
  /** UTF-8 bytes of `{`, `}`, the commas and every key prefix: a message is this plus its values. */
  frameBytes: number;
}

/** Fields, their dictionaries and the shapes of one group. */
export class FieldTable {
  readonly names: string[] = [];
  readonly dicts: Dictionary[] = [];
  private readonly ids = new Map<string, number>();
  /** Index 0 is reserved for "raw message". */
  readonly shapes: Array<Shape | undefined> = [undefined];
  private readonly shapeIds = new Map<string, number>();

  /** The id of a field name, creating it if there is room; -1 otherwise. */
  fieldId(name: string): number {
    const known = this.ids.get(name);
    if (known !== undefined) return known;
    if (this.names.length >= MAX_FIELDS) return -1;
    const id = this.names.length;
    this.names.push(name);
    this.dicts.push(new Dictionary());
    this.ids.set(name, id);
    return id;
  }

  /** The id of an existing field, or undefined. */
  lookup(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** The shape id of a key order, creating it if there is room; 0 when the message must stay raw. */
  shapeId(keys: readonly string[]): number {
    const ids = new Uint16Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const id = this.fieldId(keys[k] as string);
      if (id < 0) return 0;
      ids[k] = id;
    }
    const key = ids.join(',');
    const known = this.shapeIds.get(key);
    if (known !== undefined) return known;
    if (this.shapes.length > MAX_SHAPES) return 0;
    const shapeId = this.shapes.length;
    const keyPrefixes = keys.map((k) => `${JSON.stringify(k)}:`);
    const frameBytes =
      2 + Math.max(0, keys.length - 1) + keyPrefixes.reduce((n, p) => n + Buffer.byteLength(p, 'utf8'), 0);
    this.shapes.push({ ids, keyPrefixes, frameBytes });
    this.shapeIds.set(key, shapeId);
    return shapeId;
  }

  /** The shape of an id returned by `shapeId` (not 0). */
  shape(id: number): Shape {
    return this.shapes[id] as Shape;
  }
}
