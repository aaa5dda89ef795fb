/**
 * Data stays data: values that look like query syntax never become commands, and a query cannot
 * smuggle a second command through a literal.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng';
import { compileQuery, runQuery } from './index';
import { parseQuery } from './parser';
import { InsightsQueryError } from './source';
import { MemoryBatch, memorySource } from './testing/memoryBatch';

const T0 = Date.UTC(2024, 4, 1);
const hostile = [
  'x" | stats count(*)',
  'back`tick` | display secret',
  'line\nbreak | limit 1',
  "it's \\ # not a comment",
  '/regex/ | sort a',
];
const events = hostile.map((userAgent, i) => ({
  timestamp: T0 + i * 1000,
  message: JSON.stringify({ userAgent, secret: `s${i}`, n: i }),
}));
const source = memorySource([new MemoryBatch(events, '111111111111:/g', 'b')]);
const opts = { startMs: T0, endMs: T0 + 60_000 };

/** Escapes a value for a double-quoted literal (what lib/logs' query printer is expected to do). */
const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

describe('values that look like syntax are only data', () => {
  it.each(hostile.map((v, i) => [v, i] as const))('a field value %j is matched and shown verbatim', (value, i) => {
    const out = runQuery(`filter userAgent = ${quote(value)} | fields userAgent, n`, source, opts);
    expect(out.results).toEqual([
      [
        { field: 'userAgent', value },
        { field: 'n', value: String(i) },
        { field: '@ptr', value: `b/${i}` },
      ],
    ]);
  });

  it('a value with syntax in it does not change how stats groups', () => {
    const out = runQuery('stats count(*) by userAgent', source, opts);
    expect(out.results.map((r) => r[0]?.value)).toEqual(hostile);
  });

  it('parse captures syntax-looking text as a value', () => {
    const out = runQuery(
      'parse userAgent "* | *" as head, tail | filter ispresent(tail) | display head, tail',
      source,
      opts,
    );
    expect(out.results.map((r) => [r[0]?.value, r[1]?.value])).toEqual([
      ['/regex/', 'sort a'],
      ['line\nbreak', 'limit 1'],
      ['back`tick`', 'display secret'],
      ['x"', 'stats count(*)'],
    ]);
  });
});

describe('queries cannot smuggle commands through literals', () => {
  it('an escaped quote keeps the pipe inside the string literal', () => {
    const q = 'filter resolvedUser = "x\\" | display secret"';
    const cmds = parseQuery(q).commands;
    expect(cmds).toHaveLength(1);
    expect(cmds[0]).toMatchObject({
      kind: 'filter',
      condition: { kind: 'compare', right: { kind: 'literal', value: 'x" | display secret' } },
    });
    const out = runQuery(q, source, opts);
    expect(out.results).toEqual([]);
    expect(out.statistics.recordsMatched).toBe(0);
  });

  it.each([
    'filter userAgent = "x" | display secret"',
    "filter userAgent = 'x\\' | display secret",
    'filter userAgent like /x/ | display secret/',
    'filter userAgent = `x | display secret',
    'filter userAgent = "x\n| display secret"',
  ])('%j is rejected rather than half-run', (q) => {
    expect(() => compileQuery(q)).toThrow(InsightsQueryError);
  });

  it('round-trips any string through an escaped literal (property)', () => {
    const rng = new Rng(5);
    for (let k = 0; k < 500; k++) {
      const value = rng.chars(rng.int(0, 30), 'ab|"\'\\`#/*()[]\n =~');
      const cmds = parseQuery(`filter f = ${quote(value)}`).commands;
      expect(cmds).toHaveLength(1);
      expect(cmds[0]).toMatchObject({ condition: { right: { kind: 'literal', value } } });
    }
  });

  it('the engine never evaluates query text as code', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = new URL('.', import.meta.url).pathname;
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/\beval\s*\(|new\s+Function\b|new\s+RegExp\s*\(/);
    }
  });
});
