/**
 * One field of the events of a chunk, in columnar form. Each cell has a one-byte tag saying how its
 * value is held: numbers in an Int32Array (widened to Float64Array when needed), dictionary strings
 * as 1–2 byte codes, typed strings (timestamps, ip:port) as numbers, anything else as a raw string.
 * Arrays are allocated on first use, so a column of small codes costs 2–3 bytes per event.
 */
import type { FieldValue } from '../insights/source';
import type { Dictionary } from './dictionary';
import { decodeTyped, encodeTyped, TypedKind } from './typedStrings';

enum Tag {
  Absent = 0,
  Num = 1,
  Dict = 2,
  Str = 3,
  True = 4,
  False = 5,
  Null = 6,
  IsoMillis = 7,
  IsoSeconds = 8,
  IpPort = 9,
}

const TYPED_TAG: Record<number, Tag> = {
  [TypedKind.IsoMillis]: Tag.IsoMillis,
  [TypedKind.IsoSeconds]: Tag.IsoSeconds,
  [TypedKind.IpPort]: Tag.IpPort,
};

/** A field column of one chunk. */
export class Column {
  private tags: Uint8Array;
  private nums: Int32Array | Float64Array | null = null;
  private codes: Uint8Array | Uint16Array | null = null;
  private strs: Array<string | undefined> | null = null;

  constructor(
    capacity: number,
    private readonly dict: Dictionary,
  ) {
    this.tags = new Uint8Array(capacity);
  }

  /** Reallocates every array to `capacity` (chunks grow geometrically). */
  grow(capacity: number): void {
    this.tags = copyInto(new Uint8Array(capacity), this.tags);
    if (this.nums)
      this.nums = copyInto(
        this.nums instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity),
        this.nums,
      );
    if (this.codes)
      this.codes = copyInto(
        this.codes instanceof Uint8Array ? new Uint8Array(capacity) : new Uint16Array(capacity),
        this.codes,
      );
    if (this.strs) this.strs.length = capacity;
  }

  /** Opens a hole at `at` by moving cells [at, length) one to the right (an out-of-order insert). */
  shift(at: number, length: number): void {
    this.tags.copyWithin(at + 1, at, length);
    this.tags[at] = Tag.Absent;
    this.nums?.copyWithin(at + 1, at, length);
    this.codes?.copyWithin(at + 1, at, length);
    if (this.strs) {
      for (let i = length; i > at; i--) this.strs[i] = this.strs[i - 1];
      this.strs[at] = undefined;
    }
  }

  /** Stores the value of cell `i`. */
  set(i: number, v: FieldValue): void {
    if (typeof v === 'string') {
      this.setString(i, v);
      return;
    }
    if (typeof v === 'number') {
      this.tags[i] = Tag.Num;
      this.setNum(i, v);
      return;
    }
    this.tags[i] = v === true ? Tag.True : v === false ? Tag.False : v === null ? Tag.Null : Tag.Absent;
  }

  private setString(i: number, s: string): void {
    const code = this.dict.codeOf(s);
    if (code >= 0) {
      this.tags[i] = Tag.Dict;
      if (!this.codes) this.codes = new Uint8Array(this.tags.length);
      else if (code > 255 && this.codes instanceof Uint8Array)
        this.codes = copyInto(new Uint16Array(this.tags.length), this.codes);
      this.codes[i] = code;
      return;
    }
    const typed = encodeTyped(s);
    if (typed.kind !== TypedKind.None) {
      this.tags[i] = TYPED_TAG[typed.kind] as Tag;
      this.setNum(i, typed.value);
      return;
    }
    this.tags[i] = Tag.Str;
    if (!this.strs) this.strs = new Array<string | undefined>(this.tags.length);
    this.strs[i] = s;
  }

  private setNum(i: number, n: number): void {
    if (!this.nums)
      this.nums =
        (n | 0) === n && !Object.is(n, -0) ? new Int32Array(this.tags.length) : new Float64Array(this.tags.length);
    else if (this.nums instanceof Int32Array && ((n | 0) !== n || Object.is(n, -0)))
      this.nums = copyInto(new Float64Array(this.tags.length), this.nums);
    this.nums[i] = n;
  }

  /** The value of cell `i` (undefined when the event lacks the field). */
  get(i: number): FieldValue {
    switch (this.tags[i] as Tag) {
      case Tag.Absent:
        return undefined;
      case Tag.Num:
        return (this.nums as Int32Array | Float64Array)[i] as number;
      case Tag.Dict:
        return this.dict.valueOf((this.codes as Uint8Array | Uint16Array)[i] as number);
      case Tag.Str:
        return (this.strs as string[])[i];
      case Tag.True:
        return true;
      case Tag.False:
        return false;
      case Tag.Null:
        return null;
      case Tag.IsoMillis:
        return decodeTyped(TypedKind.IsoMillis, (this.nums as Float64Array)[i] as number);
      case Tag.IsoSeconds:
        return decodeTyped(TypedKind.IsoSeconds, (this.nums as Float64Array)[i] as number);
      case Tag.IpPort:
        return decodeTyped(TypedKind.IpPort, (this.nums as Float64Array)[i] as number);
    }
  }

  /** Whether event `i` has this field. */
  has(i: number): boolean {
    return this.tags[i] !== Tag.Absent;
  }
}

function copyInto<T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(
  dst: T,
  src: Uint8Array | Uint16Array | Int32Array | Float64Array,
): T {
  dst.set(src.subarray(0, Math.min(src.length, dst.length)));
  return dst;
}
