/** Filter patterns: parsing, refusing what is unsupported, and matching stored events. */
import { describe, expect, it } from 'vitest';
import { LogGroup } from '../store/group';
import { scan } from '../store/scan';
import { ChunkEventView, FilterPatternError, matches, parseFilterPattern } from '.';

const EVENTS = [
  '{"responseCode":403,"resolvedUser":"Anonymous","requestPath":"/v2/orders/1","duration":12.5,"tls":null,"ok":false}',
  '{"responseCode":200,"resolvedUser":"-","requestPath":"/v1/health","duration":3,"ok":true}',
  '{"responseCode":503,"resolvedUser":"arn:aws:iam::1:role/a","requestPath":"/v2/pay","duration":900}',
  '{"responseCode": 500, "resolvedUser": "bob", "nested": {"list": [{"id": 7}], "code": "X"}}',
  'ERROR MainThread failed: timeout',
  'WARN slow response "quoted"',
  'DEBUG ERROR verbose',
  '{"responseCode":"403","resolvedUser":"-"}',
];

function matching(pattern: string): number[] {
  const group = new LogGroup('111111111111', 'us-east-1', 'g', 0);
  const stream = group.createStream('s', 0)!;
  for (const [k, m] of EVENTS.entries()) group.appendMessage(stream, k, 0, m);
  const parsed = parseFilterPattern(pattern);
  const view = new ChunkEventView(group.table);
  const out: number[] = [];
  for (const p of scan([stream], {
    dir: 'asc',
    startMs: -Infinity,
    endMs: Infinity,
    now: Infinity,
    cutoff: -Infinity,
  })) {
    if (matches(parsed, view.at(p.chunk, p.i))) out.push(p.chunk.ts[p.i] as number);
  }
  return out;
}

describe('term patterns', () => {
  it.each([
    ['', [0, 1, 2, 3, 4, 5, 6, 7]],
    ['ERROR', [4, 6]],
    ['ERROR MainThread', [4]],
    ['ERROR -DEBUG', [4]],
    ['"slow response"', [5]],
    ['"\\"quoted\\""', [5]],
    ['?WARN ?MainThread', [4, 5]],
    ['error', []],
    ['responseCode', [0, 1, 2, 3, 7]],
  ])('%j matches events %j', (pattern, expected) => {
    expect(matching(pattern)).toEqual(expected);
  });
});

describe('JSON patterns', () => {
  it.each([
    ['{ $.responseCode = 403 }', [0]],
    ['{$.responseCode=403}', [0]],
    ['{ $.responseCode = "403" }', [7]],
    ['{ $.responseCode >= 500 && $.resolvedUser != "-" }', [2, 3]],
    ['{ $.responseCode >= 500 || $.resolvedUser = Anonymous }', [0, 2, 3]],
    ['{ ($.responseCode = 200 || $.responseCode = 403) && $.resolvedUser = "-" }', [1]],
    ['{ $.responseCode != 200 }', [0, 2, 3]],
    ['{ $.duration < 10 }', [1]],
    ['{ $.duration <= 12.5 }', [0, 1]],
    ['{ $.duration > 12.5 }', [2]],
    ['{ $.requestPath = "/v2/*" }', [0, 2]],
    ['{ $.requestPath = /v1/* }', [1]],
    ['{ $.requestPath != "/v2/*" }', [1]],
    ['{ $.resolvedUser = "arn:aws:iam::*:role/*" }', [2]],
    ['{ $.tls IS NULL }', [0]],
    ['{ $.duration NOT EXISTS }', [3, 7]],
    ['{ $.ok IS TRUE }', [1]],
    ['{ $.ok IS FALSE }', [0]],
    ['{ $.nested.list[0].id = 7 }', [3]],
    ['{ $.nested.code = "X" && $.responseCode = 500 }', [3]],
    ['{ $.missing != "x" }', []],
  ])('%j matches events %j', (pattern, expected) => {
    expect(matching(pattern)).toEqual(expected);
  });

  it('binds && tighter than ||', () => {
    const p = parseFilterPattern('{ $.a = 1 || $.b = 2 && $.c = 3 }');
    expect(p.kind === 'json' && p.expr.kind).toBe('or');
  });
});

describe('unsupported or invalid patterns are refused, never matched loosely', () => {
  it.each([
    '[ip, user, status = 404]',
    '%ERROR%',
    '{ $.eventType = %Trail% }',
    '{ $.* = 1 }',
    '{ $.list[*] = 1 }',
    '{ $.a = }',
    '{ $.a == 1 }',
    '{ $.a < "x" }',
    '{ $.a = 1 ',
    '{ $.a = 1 } extra',
    '{ $.a is null }',
    '{ a = 1 }',
    '{ $.a = 1 & $.b = 2 }',
    'ERROR:',
    'foo.bar',
    '"unterminated',
    '?ERROR WARN',
    '-',
  ])('%j', (pattern) => {
    expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
  });

  it('reports where the problem is', () => {
    try {
      parseFilterPattern('  { $.a = 1 & $.b = 2 }');
      expect.unreachable();
    } catch (e) {
      expect((e as FilterPatternError).position).toBe(12);
    }
  });
});
