/**
 * Parser of the `stats` command: aggregations with optional aliases, then `by` fields and
 * `bin(period)` items.
 */
import type { AggFn, Aggregation, Command, GroupItem } from './ast';
import type { Cursor } from './cursor';
import { quoteSnippet } from './errors';

const AGG_FNS: Record<string, AggFn> = {
  count: 'count',
  count_distinct: 'count_distinct',
  sum: 'sum',
  avg: 'avg',
  min: 'min',
  max: 'max',
  pct: 'pct',
  percentile: 'pct',
};
/** Real stats functions that this emulator does not implement: rejected by name. */
const UNSUPPORTED_AGGS = new Set(['stddev', 'earliest', 'latest', 'sortsfirst', 'sortslast', 'median']);

const UNIT_MS: Record<string, number> = {
  ms: 1,
  msec: 1,
  millisecond: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
};
/** Calendar units whose bins are not a fixed number of milliseconds. */
const CALENDAR_UNITS = new Set(['mo', 'mon', 'month', 'q', 'qtr', 'quarter', 'y', 'yr', 'year']);

/** Parses `stats …` after the `stats` word (at `pos`). */
export function parseStats(c: Cursor, pos: number): Command {
  const aggregations: Aggregation[] = [parseAggregation(c)];
  while (c.isOp(',')) {
    c.next();
    aggregations.push(parseAggregation(c));
  }
  const groups: GroupItem[] = [];
  if (c.acceptWord('by')) {
    groups.push(parseGroup(c));
    while (c.isOp(',')) {
      c.next();
      groups.push(parseGroup(c));
    }
  }
  return { kind: 'stats', aggregations, groups, pos };
}

function parseAggregation(c: Cursor): Aggregation {
  const t = c.peek();
  if (t.kind !== 'name' || !c.isOp('(', 1)) return c.unexpected('expected an aggregation such as count(*)');
  const name = t.value.toLowerCase();
  const fn = AGG_FNS[name];
  if (!fn) {
    const why = UNSUPPORTED_AGGS.has(name) ? 'Unsupported stats function' : 'Unknown stats function';
    return c.fail(t.pos, `${why} ${quoteSnippet(t.value)}`);
  }
  c.next();
  c.expectOp('(');
  const agg: Aggregation = { fn, name: '', pos: t.pos };
  if (fn === 'count' && c.isOp('*')) c.next();
  else agg.field = c.fieldRef();
  if (fn === 'pct') {
    c.expectOp(',');
    const p = c.peek();
    if (p.kind !== 'number' || p.num < 0 || p.num > 100) return c.unexpected('expected a percentile between 0 and 100');
    c.next();
    agg.percentile = p.num;
  }
  const close = c.expectOp(')');
  agg.name = c.acceptWord('as') ? c.alias() : c.slice(t.pos, close.end);
  return agg;
}

function parseGroup(c: Cursor): GroupItem {
  const t = c.peek();
  if (c.isWord('bin') && c.isOp('(', 1)) {
    c.next();
    c.next();
    const d = c.peek();
    if (d.kind !== 'duration') return c.unexpected('expected a period such as 5m');
    const periodMs = periodOf(c, d.num, d.extra, d.pos);
    c.next();
    const close = c.expectOp(')');
    const name = c.acceptWord('as') ? c.alias() : c.slice(t.pos, close.end);
    return { kind: 'bin', periodMs, name, pos: t.pos };
  }
  const field = c.fieldRef('a field name or bin(period)');
  const name = c.acceptWord('as') ? c.alias() : field.name;
  return { kind: 'field', field, name, pos: t.pos };
}

/** Milliseconds of `amount unit`; plural units (`hrs`, `mins`) are accepted as the console does. */
function periodOf(c: Cursor, amount: number, unit: string, pos: number): number {
  const singular = unit.length > 1 && unit.endsWith('s') && UNIT_MS[unit] === undefined ? unit.slice(0, -1) : unit;
  if (CALENDAR_UNITS.has(singular)) return c.fail(pos, `Unsupported bin period unit '${unit}' (calendar periods)`);
  const ms = UNIT_MS[singular];
  if (ms === undefined) return c.fail(pos, `Unknown time unit '${unit}'`);
  const period = amount * ms;
  if (!Number.isInteger(period) || period < 1)
    return c.fail(pos, 'A bin period must be a whole number of milliseconds > 0');
  return period;
}
