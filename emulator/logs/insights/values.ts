/**
 * Value semantics shared by filters, sorting and output: numeric coercion, comparison, the
 * service's "natural" sort order, and the wire formatting of numbers and timestamps.
 */
import type { FieldValue } from './source';

const NUMERIC = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a value is absent (a missing field or a JSON null). */
export function isMissing(v: FieldValue): v is undefined | null {
  return v === undefined || v === null;
}

/** The number a value stands for: a JSON number, or a string that is entirely a number; else NaN. */
export function toNumber(v: FieldValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.length > 0 && v.length < 40 && NUMERIC.test(v)) return Number(v);
  return NaN;
}

/** The text of a present value as the service prints it. */
export function toText(v: string | number | boolean): string {
  return typeof v === 'string' ? v : String(v);
}

/**
 * Compares two present values for `=`, `<`, …: numerically when both are numbers (or numeric
 * strings), otherwise as strings by UTF-16 code units. Undefined when either side is missing.
 */
export function compareValues(a: FieldValue, b: FieldValue): number | undefined {
  if (isMissing(a) || isMissing(b)) return undefined;
  const na = toNumber(a);
  const nb = toNumber(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na < nb ? -1 : na > nb ? 1 : 0;
  const sa = toText(a);
  const sb = toText(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/**
 * Ascending order of `sort`, as the service documents it: non-number values first, compared chunk
 * by chunk (runs of digits by length then value, other runs by code units), then number values
 * numerically. Both values must be present.
 */
export function sortCompare(a: string | number | boolean, b: string | number | boolean): number {
  const na = toNumber(a);
  const nb = toNumber(b);
  const aNum = !Number.isNaN(na);
  const bNum = !Number.isNaN(nb);
  if (aNum && bNum) return na < nb ? -1 : na > nb ? 1 : 0;
  if (aNum) return 1;
  if (bNum) return -1;
  return naturalCompare(toText(a), toText(b));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

function chunkEnd(s: string, from: number): number {
  const digits = isDigit(s.charCodeAt(from));
  let i = from + 1;
  while (i < s.length && isDigit(s.charCodeAt(i)) === digits) i++;
  return i;
}

/** Chunked comparison of two strings (see sortCompare). */
export function naturalCompare(x: string, y: string): number {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const ie = chunkEnd(x, i);
    const je = chunkEnd(y, j);
    const cx = x.slice(i, ie);
    const cy = y.slice(j, je);
    if (isDigit(x.charCodeAt(i)) && isDigit(y.charCodeAt(j)) && cx.length !== cy.length) return cx.length - cy.length;
    if (cx !== cy) return cx < cy ? -1 : 1;
    i = ie;
    j = je;
  }
  return x.length - i - (y.length - j);
}

/** Compares one sort key of two rows: missing values last in either direction. */
export function compareKey(a: FieldValue, b: FieldValue, desc: boolean): number {
  const am = isMissing(a);
  const bm = isMissing(b);
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  const d = sortCompare(a, b);
  return desc ? -d : d;
}

/** An aggregate as the service prints it: integers plainly, fractions with at most 6 decimals. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n) || !Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(6)));
}

/** `yyyy-MM-dd HH:mm:ss.SSS` in UTC, the service's rendering of @timestamp and bin() values. */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}
