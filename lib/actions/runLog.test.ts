import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AwsClientFactory } from '../aws/clientFactory';
import { loadConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { User } from '../domain/user';
import { setLogSink } from '../observability/log';
import { startAppHarness } from '../../testing/appHarness';
import { runAction, type ActionDeps } from './run';

const config = loadConfig({ AWS_REGION: 'us-east-1', TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'operator' });
const operator: User = { id: 'olga@example.com', name: 'Olga', role: 'operator', source: 'alb' };
const viewer: User = { id: 'victor@example.com', name: 'Victor', role: 'viewer', source: 'alb' };
const deps = (user: User): ActionDeps => ({
  user: async () => user,
  config: () => config,
  requestId: async () => 'req-1',
});
const spec = { name: 'test.setWeight', input: z.object({ weight: z.number() }), mutates: true };

function capture(): Array<Record<string, unknown>> {
  const lines: Array<Record<string, unknown>> = [];
  setLogSink((l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  return lines;
}
afterEach(() => setLogSink());

describe('runAction log line', () => {
  it('writes one line per action with request id, user, action, outcome and latency', async () => {
    const lines = capture();
    await runAction(spec, { weight: 1 }, async () => 2, deps(operator));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'action',
        requestId: 'req-1',
        user: 'olga@example.com',
        role: 'operator',
        action: 'test.setWeight',
        mutates: true,
        outcome: 'ok',
        latencyMs: expect.any(Number),
        awsCalls: 0,
        awsRequestIds: [],
      }),
    ]);
  });

  it("logs a viewer's refused mutation as FORBIDDEN, and a failure with its AWS details", async () => {
    const lines = capture();
    await runAction(spec, { weight: 1 }, async () => 2, deps(viewer));
    await runAction(
      spec,
      { weight: 1 },
      async () => {
        throw new TrellisError('ACCESS_DENIED', 'not authorized', {
          awsCode: 'AccessDeniedException',
          account: '222222222222',
        });
      },
      deps(operator),
    );
    expect(lines.map((l) => [l.level, l.user, l.outcome])).toEqual([
      ['warn', 'victor@example.com', 'FORBIDDEN'],
      ['warn', 'olga@example.com', 'ACCESS_DENIED'],
    ]);
    expect(lines[1]?.error).toEqual({
      message: 'not authorized',
      awsCode: 'AccessDeniedException',
      account: '222222222222',
    });
  });

  it('gives the browser the error without role ARNs, and keeps them in the log', async () => {
    const lines = capture();
    const r = await runAction(
      spec,
      { weight: 1 },
      async () => {
        throw new TrellisError('ACCESS_DENIED', 'AssumeRole of arn:aws:iam::222222222222:role/TrellisOperator failed', {
          resource: 'arn:aws:iam::222222222222:role/TrellisOperator',
        });
      },
      deps(operator),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'ACCESS_DENIED',
        message: "AssumeRole of the console's role in account 222222222222 failed",
        resource: "the console's role in account 222222222222",
        retryable: false,
      },
    });
    expect(lines[0]?.error).toMatchObject({
      message: 'AssumeRole of arn:aws:iam::222222222222:role/TrellisOperator failed',
    });
  });

  it('collects the AWS request ids of the calls the body made through the client factory', async () => {
    const app = await startAppHarness();
    try {
      const f: AwsClientFactory = app.factory({ TRELLIS_CALL_BUDGET: '5' });
      const lines = capture();
      await runAction(
        { ...spec, mutates: false },
        { weight: 1 },
        () => f.callerIdentity({ accountId: '222222222222', user: 'olga@example.com' }),
        deps(operator),
      );
      expect(lines[0]).toMatchObject({ outcome: 'ok', awsCalls: 1, awsRequestIds: [expect.any(String)] });
      // STS is not budgeted: the line names no budget.
      expect(lines[0]?.awsBudget).toBeUndefined();
      // A VPC Lattice read is: the line says how much of the account's call budget was in use.
      await runAction(
        { ...spec, mutates: false },
        { weight: 1 },
        () => f.gateways.lattice({ accountId: '111111111111', region: 'us-east-1' }).listServices(),
        deps(operator),
      );
      expect(lines[1]).toMatchObject({ outcome: 'ok', awsBudget: { '111111111111': '1/5' } });
      // The secrets the harness uses never reach the log.
      expect(JSON.stringify(lines)).not.toMatch(/secret|AKIA|ASIA/);
    } finally {
      await app.close();
    }
  });
});
