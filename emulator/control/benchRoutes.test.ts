/** The bench fill route: records land in the service's log group, are queryable, and name real resources. */
import {
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../contract/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: 'demo', params: { traffic: false } });
});
afterAll(() => h?.close());

describe('POST /_emulator/bench/access-logs', () => {
  it("fills the service's own log group with queryable records of its target groups", async () => {
    const end = Date.now();
    const res = await h.control('POST', '/bench/access-logs', {
      service: 'payments-api',
      count: 2000,
      spanMs: 600_000,
      endMs: end,
    });
    expect(res).toEqual({
      status: 200,
      body: {
        logGroupArn: 'arn:aws:logs:us-east-1:222222222222:log-group:/aws/vpc-lattice/payments-api',
        appended: 2000,
        fromMs: end - 600_000,
        toMs: end,
      },
    });
    const logs = h.logs(await h.assume('222222222222'));
    const { queryId } = await logs.send(
      new StartQueryCommand({
        logGroupName: '/aws/vpc-lattice/payments-api',
        startTime: Math.floor((end - 700_000) / 1000),
        endTime: Math.ceil(end / 1000),
        queryString: 'stats count(*) as n by targetGroupArn | sort n desc',
      }),
    );
    let out: GetQueryResultsCommandOutput;
    do out = await logs.send(new GetQueryResultsCommand({ queryId }));
    while (out.status !== 'Complete');
    const rows = (out.results ?? []).map((r) => Object.fromEntries(r.map((f) => [f.field, f.value])));
    expect(rows.reduce((n, r) => n + Number(r.n), 0)).toBe(2000);
    const tgs = h.emu.state.lattice.targetGroups().map((t) => t.arn);
    for (const r of rows) expect(r.targetGroupArn === '-' || tgs.includes(r.targetGroupArn)).toBe(true);
  });

  it('answers 404 for an unknown service and 400 for a bad body', async () => {
    expect((await h.control('POST', '/bench/access-logs', { service: 'nope', count: 1 })).status).toBe(404);
    expect((await h.control('POST', '/bench/access-logs', { service: 'payments-api', count: 0 })).status).toBe(400);
  });
});
