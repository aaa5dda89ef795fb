/**
 * Parser of Logs Insights queries into a command list. Commands are joined by `|`; as in the
 * console, a command word at the start of a new line also starts a new command.
 */
import type { Command, FieldRef, Query, SortKey } from './ast';
import { Cursor } from './cursor';
import { quoteSnippet } from './errors';
import { tokenize } from './lexer';
import { parseCondition, parseValue } from './parseCondition';
import { parseStats } from './parseStats';

const COMMANDS = new Set(['fields', 'display', 'filter', 'filterindex', 'stats', 'sort', 'limit', 'dedup', 'parse']);
/** Commands of the real service that this emulator does not run: rejected by name. */
const UNSUPPORTED = new Set([
  'unmask',
  'pattern',
  'diff',
  'unnest',
  'lookup',
  'anomaly',
  'source',
  'join',
  'addtotals',
  'fieldsummary',
]);
/** Upper bound of `limit` (and of any result), as in the real service. */
export const MAX_LIMIT = 10_000;

/** Parses a query; throws InsightsQueryError (with the 0-based offset) when it is malformed. */
export function parseQuery(text: string): Query {
  const c = new Cursor(text, tokenize(text));
  if (c.peek().kind === 'eof') c.fail(0, 'Empty query');
  const commands: Command[] = [];
  for (;;) {
    commands.push(parseCommand(c));
    const t = c.peek();
    if (t.kind === 'eof') break;
    if (c.isOp('|')) {
      c.next();
      if (c.peek().kind === 'eof') c.fail(c.previous().pos, "Unexpected end of query after '|'");
      continue;
    }
    if (t.newlineBefore && t.kind === 'name' && COMMANDS.has(t.value.toLowerCase())) continue;
    c.unexpected();
  }
  return { text, commands };
}

function parseCommand(c: Cursor): Command {
  const t = c.peek();
  const word = t.kind === 'name' ? t.value.toLowerCase() : '';
  if (!COMMANDS.has(word)) {
    if (UNSUPPORTED.has(word)) c.fail(t.pos, `Unsupported command ${quoteSnippet(t.value)}`);
    c.unexpected('expected a command (fields, display, filter, stats, sort, limit, dedup, parse)');
  }
  c.next();
  const pos = t.pos;
  switch (word) {
    case 'fields': {
      const items = [parseFieldsItem(c)];
      while (c.isOp(',') && c.next()) items.push(parseFieldsItem(c));
      return { kind: 'fields', items, pos };
    }
    case 'display':
      return { kind: 'display', fields: fieldList(c), pos };
    case 'filter':
      return { kind: 'filter', condition: parseCondition(c), pos };
    case 'filterindex':
      return parseFilterIndex(c, pos);
    case 'stats':
      return parseStats(c, pos);
    case 'sort': {
      const keys = [parseSortKey(c)];
      while (c.isOp(',') && c.next()) keys.push(parseSortKey(c));
      return { kind: 'sort', keys, pos };
    }
    case 'limit': {
      const n = c.peek();
      if (n.kind !== 'number' || !Number.isInteger(n.num) || n.num < 1 || n.num > MAX_LIMIT) {
        c.unexpected(`expected a whole number of rows between 1 and ${MAX_LIMIT}`);
      }
      c.next();
      return { kind: 'limit', count: n.num, pos };
    }
    case 'dedup':
      return { kind: 'dedup', fields: fieldList(c), pos };
    default:
      return parseParse(c, pos);
  }
}

function parseFieldsItem(c: Cursor): { expr: ReturnType<typeof parseValue>; name: string } {
  const start = c.peek();
  const expr = parseValue(c);
  if (c.acceptWord('as')) return { expr, name: c.alias() };
  return { expr, name: expr.kind === 'field' ? expr.name : c.slice(start.pos, start.end) };
}

/** Fields of display and dedup (after stats also aggregation columns such as `count(*)`). */
function fieldList(c: Cursor): FieldRef[] {
  const fields = [c.columnRef()];
  while (c.isOp(',') && c.next()) fields.push(c.columnRef());
  return fields;
}

/** A sort key: a field, or (after stats) an aggregation written as in the stats command. */
function parseSortKey(c: Cursor): SortKey {
  const expr = c.columnRef('a field to sort by');
  const desc = c.isWord('desc');
  if (desc || c.isWord('asc')) c.next();
  return { expr, desc };
}

/**
 * `filterIndex field = value` or `filterIndex field in [v, …]` (the forms AWS documents): one field
 * compared with literals, nothing else.
 */
function parseFilterIndex(c: Cursor, pos: number): Command {
  const cond = parseCondition(c);
  if (cond.kind === 'compare' && cond.op === '=' && cond.left.kind === 'field' && cond.right.kind === 'literal')
    return { kind: 'filterIndex', field: cond.left, values: [cond.right], pos };
  if (cond.kind === 'in' && !cond.negated && cond.operand.kind === 'field')
    return { kind: 'filterIndex', field: cond.operand, values: cond.values, pos };
  return c.fail(pos, 'filterIndex takes one indexed field compared with = or in [...] to literal values');
}

/** `parse [field] "glob * pattern" as a, b`; the regex form is not supported. */
function parseParse(c: Cursor, pos: number): Command {
  const source: FieldRef =
    c.peek().kind === 'string' || c.peek().kind === 'regex' ? { kind: 'field', name: '@message', pos } : c.fieldRef();
  const p = c.peek();
  if (p.kind === 'regex') c.fail(p.pos, 'Unsupported parse with a regular expression (use a glob pattern "… * …")');
  if (p.kind !== 'string') c.unexpected('expected a glob pattern string');
  c.next();
  const stars = p.value.split('*').length - 1;
  if (stars === 0) c.fail(p.pos, "A parse pattern needs at least one '*'");
  if (!c.acceptWord('as')) c.unexpected("expected 'as' and the names of the extracted fields");
  const names = [c.alias()];
  while (c.isOp(',') && c.next()) names.push(c.alias());
  if (names.length !== stars) c.fail(p.pos, `The pattern has ${stars} '*' but ${names.length} names follow 'as'`);
  return { kind: 'parse', source, pattern: p.value, names, pos };
}
