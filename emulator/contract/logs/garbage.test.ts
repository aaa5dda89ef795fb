/**
 * Garbage in, AWS errors out: for every operation of the CloudWatch Logs model, malformed bodies,
 * wrong types, huge strings and random values must never produce a 500 or a crash; every error is
 * `__type` + `message`, and the server keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeOf, type Shape } from '../../core/model';
import { Rng } from '../../core/rng';
import { logsModel } from '../../logs/api/common';
import { startHarness, type Harness } from '../harness';
import { rawLogs } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const OPERATIONS = Object.keys(logsModel.operations).sort();
const target = (op: string) => `Logs_20140328.${op}`;

function expectAwsAnswer(r: { status: number; body: Record<string, unknown>; text: string }, what: string): void {
  expect(r.status, `${what}: ${r.text.slice(0, 300)}`).not.toBe(500);
  expect([200, 400, 413], `${what}: ${r.text.slice(0, 300)}`).toContain(r.status);
  if (r.status !== 200) {
    expect(typeof r.body.__type, what).toBe('string');
    expect(typeof r.body.message, what).toBe('string');
    expect((r.body.message as string).length, what).toBeGreaterThan(0);
    expect(r.text, what).not.toMatch(/at .*\.ts:\d+/);
  }
}

function members(op: string): Array<[string, Shape]> {
  const input = logsModel.operations[op]?.input;
  if (!input) return [];
  return Object.entries(shapeOf(logsModel, input).members ?? {}).map(([k, ref]) => [k, shapeOf(logsModel, ref.shape)]);
}

/** A value of the wrong JSON type for a shape. */
function wrongType(s: Shape): unknown {
  switch (s.type) {
    case 'string':
    case 'timestamp':
    case 'blob':
      return { not: 'a string' };
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'list':
      return { not: 'a list' };
    default:
      return ['not', 'a', 'structure'];
  }
}

/** A random JSON value, sometimes of the right type. */
function randomValue(rng: Rng, s: Shape, depth = 0): unknown {
  const pick = rng.int(0, 9);
  if (pick === 0) return null;
  if (pick === 1) return rng.chars(rng.int(0, 40), 'abc:/*-_.{}[]"\\ $é\u0000');
  if (pick === 2) return rng.int(-1e6, 1e12) / (rng.chance(0.3) ? 7 : 1);
  if (pick === 3) return rng.chance(0.5);
  if (s.type === 'string') return rng.chars(rng.int(1, 30), 'abcdefghij/-_.:*0123456789');
  if (s.type === 'integer' || s.type === 'long') return rng.int(-5, 20_000);
  if (s.type === 'list' && depth < 3)
    return Array.from({ length: rng.int(0, 4) }, () =>
      s.member ? randomValue(rng, shapeOf(logsModel, s.member.shape), depth + 1) : 1,
    );
  if (s.type === 'structure' && depth < 3)
    return Object.fromEntries(
      Object.entries(s.members ?? {}).map(([k, ref]) => [
        k,
        randomValue(rng, shapeOf(logsModel, ref.shape), depth + 1),
      ]),
    );
  return {};
}

describe('garbage requests to every Logs operation', () => {
  it.each(OPERATIONS)('%s', async (op) => {
    const url = h.emu.url;
    for (const body of ['{not json', '[]', '"text"', '42', 'null', '{"a":', '\u0000\u0001'])
      expectAwsAnswer(await rawLogs(url, target(op), body), `${op} body ${JSON.stringify(body)}`);
    expectAwsAnswer(await rawLogs(url, target(op), '{}'), `${op} {}`);
    for (const [name, shape] of members(op)) {
      expectAwsAnswer(
        await rawLogs(url, target(op), JSON.stringify({ [name]: wrongType(shape) })),
        `${op}.${name} wrong type`,
      );
      expectAwsAnswer(
        await rawLogs(url, target(op), JSON.stringify({ [name]: 'x'.repeat(200_000) })),
        `${op}.${name} huge string`,
      );
    }
    const rng = new Rng(`garbage-${op}`);
    const input = logsModel.operations[op]?.input;
    for (let k = 0; k < 8 && input; k++) {
      const body = JSON.stringify(randomValue(rng, shapeOf(logsModel, input)));
      expectAwsAnswer(await rawLogs(url, target(op), body), `${op} random ${body.slice(0, 200)}`);
    }
  });
});

describe('garbage around the operation', () => {
  it('answers missing, unknown and foreign targets with UnknownOperationException', async () => {
    for (const t of [
      undefined,
      '',
      'Logs_20140328.NoSuchThing',
      'Logs_20140328.',
      'Foo_20140328.CreateLogGroup',
      'CreateLogGroup',
      'Logs_20140328.createloggroup',
      'x'.repeat(10_000),
    ]) {
      const r = await rawLogs(h.emu.url, t, '{}');
      expectAwsAnswer(r, `target ${String(t).slice(0, 40)}`);
      expect(r.body.__type).toBe('UnknownOperationException');
      expect(r.status).toBe(400);
    }
  });

  it('answers JSON nested very deeply and bodies over the size limit without crashing', async () => {
    const deep = `{"logGroupName":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expectAwsAnswer(await rawLogs(h.emu.url, target('CreateLogGroup'), deep), 'deep nesting');
    const big = await rawLogs(
      h.emu.url,
      target('PutLogEvents'),
      JSON.stringify({
        logGroupName: 'g',
        logStreamName: 's',
        logEvents: [{ timestamp: 1, message: 'x'.repeat(7 * 1024 * 1024) }],
      }),
    );
    expectAwsAnswer(big, 'oversized body');
  });

  it('keeps answering real requests afterwards', async () => {
    const r = await rawLogs(h.emu.url, target('DescribeLogGroups'), '{"limit":1}');
    expect(r.status).toBe(200);
    expect(Array.isArray(r.body.logGroups)).toBe(true);
  });
});
