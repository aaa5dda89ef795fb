/**
 * Robustness: garbage sent to every route of the VPC Lattice model and every STS action (malformed
 * JSON, wrong types, huge strings, oversized bodies, unknown paths, bad percent-encoding, wrong
 * methods) is answered with an AWS error shape, never a 500 or a stack trace, and the emulator keeps
 * answering afterwards.
 */
import { ListServicesCommand } from '@aws-sdk/client-vpc-lattice';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latticeModel } from '../lattice/model';
import stsModelJson from '../sts/generated/model.json';
import { asModel } from '../core/model';
import { startHarness, type Harness } from './harness';
import { rawRequest, type RawOptions, type RawResult } from './lattice/raw';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: 'demo' });
});
afterAll(() => h.close());

const routes = Object.entries(latticeModel.operations).map(([operation, op]) => {
  const members = op.input ? Object.values(latticeModel.shapes[op.input]?.members ?? {}) : [];
  return { operation, method: op.method!, uri: op.uri!, hasBody: members.some((m) => !m.location) };
});
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function fill(uri: string, label: string): string {
  return uri.replace(/\{[^}]+\}/g, label);
}

/** Operations without body members ignore a body (as AWS does); they must still never fail with a 5xx. */
function expectSafe(r: RawResult, what: string, mustFail: boolean): void {
  if (mustFail || r.status >= 400) expectLatticeError(r, what);
  else expect(r.status, what).toBeLessThan(300);
}

function expectLatticeError(r: RawResult, what: string): void {
  expect(r.status, what).toBeGreaterThanOrEqual(400);
  expect(r.status, `${what}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
  expect(r.headers['x-amzn-errortype'] ?? '', `${what}: ${r.status} ${r.text.slice(0, 200)}`).toMatch(/^[A-Za-z]+$/);
  const body = r.json();
  expect(typeof body.message, what).toBe('string');
  expect(r.text, what).not.toMatch(/\bat .+\.(ts|js):\d+/);
}

async function send(method: string, path: string, opts: RawOptions = {}): Promise<RawResult> {
  return rawRequest(h.emu.url, method, path, opts);
}

describe('garbage to every VPC Lattice route', () => {
  it('malformed JSON, wrong JSON types and huge strings get a 4xx AWS error', async () => {
    const huge = 'x'.repeat(100_000);
    // Labels stay under Node's 16 KB header limit (beyond it Node itself answers 431 before the emulator sees
    // the request).
    const longLabel = 'x'.repeat(5_000);
    for (const r of routes) {
      const path = fill(r.uri, 'garbage');
      expectSafe(await send(r.method, path, { body: '{"name": "oops",' }), `${r.operation} malformed JSON`, r.hasBody);
      const wrongTypes = JSON.stringify({
        name: 42,
        authType: ['x'],
        priority: 'high',
        maxResults: {},
        tags: 'no',
        targets: 'none',
        action: [],
        match: 1,
        defaultAction: 'x',
        policy: 7,
        destinationArn: false,
        rules: {},
      });
      expectSafe(
        await send(r.method, path, { body: wrongTypes }),
        `${r.operation} wrong types`,
        r.hasBody || r.uri.includes('{'),
      );
      expectSafe(
        await send(r.method, fill(r.uri, longLabel), { body: JSON.stringify({ name: huge, policy: huge }) }),
        `${r.operation} huge strings`,
        r.hasBody || r.uri.includes('{'),
      );
      expectSafe(await send(r.method, path, { body: '[1,2,3]' }), `${r.operation} array body`, r.hasBody);
    }
  });

  it('bad percent-encoding in labels and wrong methods get a 4xx AWS error', async () => {
    for (const r of routes) {
      if (r.uri.includes('{'))
        expectLatticeError(
          await send(r.method, fill(r.uri, '%ZZ%E0%A4%A'), { body: '{}' }),
          `${r.operation} bad encoding`,
        );
      const used = new Set(routes.filter((x) => x.uri === r.uri).map((x) => x.method));
      const wrong = METHODS.find((m) => !used.has(m))!;
      expectLatticeError(
        await send(wrong, fill(r.uri, 'garbage'), { body: '{}' }),
        `${r.operation} wrong method ${wrong}`,
      );
    }
  });

  it('unknown paths, empty labels, trailing slashes and binary bodies get a 4xx AWS error', async () => {
    for (const path of [
      '/',
      '/nope',
      '/services/',
      '/services//listeners',
      '/servicenetworks/a/b/c/d',
      '/tags',
      '/%00',
      `/${'a/'.repeat(500)}`,
    ]) {
      expectLatticeError(await send('GET', path), `GET ${path}`);
    }
    expectLatticeError(await send('POST', '/services', { body: Buffer.from([0xff, 0xfe, 0x00, 0x81]) }), 'binary body');
    expectLatticeError(await send('GET', '/services?maxResults=-5&nextToken=%%%'), 'garbage query');
  });

  it('oversized bodies (> 6 MB) get 413 with an AWS error shape', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024 + 10, 0x61);
    for (const [method, path] of [
      ['POST', '/services'],
      ['PUT', '/authpolicy/svc-00000000000000000'],
      ['PATCH', '/targetgroups/tg-00000000000000000'],
    ] as const) {
      const r = await send(method, path, { body: big });
      expect(r.status).toBe(413);
      expect(r.headers['x-amzn-errortype']).toBeTruthy();
      expect(typeof r.json().message).toBe('string');
    }
  });

  it('keeps answering afterwards', async () => {
    const out = await h.lattice().send(new ListServicesCommand({}));
    expect(out.items?.length).toBeGreaterThan(0);
  });
});

describe('garbage to every STS action', () => {
  const sts = asModel(stsModelJson);

  it('answers garbage with an XML ErrorResponse, never a 500', async () => {
    const huge = 'y'.repeat(50_000);
    const bodies = (action: string) => [
      `Action=${action}&Version=2011-06-15&RoleArn=${huge}&RoleSessionName=%ZZ&DurationSeconds=abc`,
      `Action=${action}&Version=2011-06-15&DurationSeconds=-1&ExternalId=` +
        '&RoleArn=arn:aws:iam::1:role/x&RoleSessionName=a b',
      `Action=${action}&&&==&%%%`,
    ];
    for (const action of [...Object.keys(sts.operations), 'NoSuchAction', '']) {
      for (const body of bodies(action)) {
        const r = await send('POST', '/', {
          service: 'sts',
          body,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect(r.status, `${action}: ${r.text.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400)
          expect(r.text, action).toMatch(/<ErrorResponse[\s\S]*<Code>[A-Za-z]+<\/Code>[\s\S]*<Message>/);
      }
    }
    const put = await send('PUT', '/', {
      service: 'sts',
      body: 'Action=GetCallerIdentity',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(put.status).toBeLessThan(500);
    const who = await h.sts().send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('111111111111');
  });
});
