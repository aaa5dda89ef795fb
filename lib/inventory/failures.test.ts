/**
 * Integration: partial failure, throttling and timeouts of the crawl, with faults injected into the
 * emulator (demo world, real SDK, factory configured like `npm run demo`). Nothing may hang and one
 * failing account or call must not take the rest down.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { listAccounts } from '../aws/accounts';
import type { AwsClientFactory } from '../aws/clientFactory';
import type { Env } from '../config';
import type { Snapshot } from '../domain/snapshot';
import { startAppHarness, type AppHarness } from '../../testing/appHarness';
import { crawl, type CrawlOptions, type CrawlResult } from './crawl';
import { mergeSegments } from './merge';
import { summaryOf, type SummaryCounts } from './testSupport';

const HUB = '111111111111';
const PAYMENTS = '222222222222';
const STOREFRONT = '333333333333';

let app: AppHarness;
let full: SummaryCounts;

beforeAll(async () => {
  app = await startAppHarness({ scenario: 'demo' });
  full = ((await app.h.control('GET', '/lattice/summary')).body as { accounts: SummaryCounts }).accounts;
});
afterEach(async () => {
  await app.clearFaults();
});
afterAll(async () => {
  await app.close();
});

async function crawlDemo(
  env: Env = {},
  opts: CrawlOptions = {},
): Promise<{ snap: Snapshot; result: CrawlResult; factory: AwsClientFactory }> {
  const factory = app.factory(env);
  const accounts = await listAccounts(factory);
  const result = await crawl(
    factory,
    accounts.flatMap((account) => account.regions.map((region) => ({ account, region }))),
    opts,
  );
  return { snap: mergeSegments(accounts, result.segments), result, factory };
}

const fault = (body: Record<string, unknown>) => app.h.control('POST', '/faults', body);

describe('crawl under failures', () => {
  it('marks an account whose role cannot be assumed unreachable, with the AWS error; reads the others', async () => {
    await fault({
      account: PAYMENTS,
      service: 'sts',
      operation: 'AssumeRole',
      errorRate: 1,
      errorCode: 'AccessDenied',
    });
    const { snap } = await crawlDemo();
    const payments = snap.accounts.find((a) => a.accountId === PAYMENTS);
    expect(payments?.reachable).toBe(false);
    expect(payments?.error?.code).toBe('ACCESS_DENIED');
    expect(payments?.error?.awsCode).toBe('AccessDenied');
    expect(payments?.error?.message).toContain('AssumeRole');
    expect(payments?.error?.message).toContain(PAYMENTS);
    expect(snap.accounts.filter((a) => a.reachable).map((a) => a.accountId)).toEqual([HUB, STOREFRONT]);
    const got = summaryOf(snap);
    expect(got[HUB]).toEqual(full[HUB]);
    expect(got[STOREFRONT]).toEqual(full[STOREFRONT]);
    expect(snap.services.some((s) => s.accountId === PAYMENTS)).toBe(false);
    for (const n of snap.serviceNetworks) expect(n.visibleTo).toEqual([HUB, STOREFRONT]);
  });

  it('turns a denied ListTargets into a problem per target group of that account; the rest is served', async () => {
    await fault({
      account: PAYMENTS,
      service: 'vpc-lattice',
      operation: 'ListTargets',
      errorRate: 1,
      errorCode: 'AccessDeniedException',
      errorMessage: 'User is not authorized to perform: vpc-lattice:ListTargets',
    });
    const { snap } = await crawlDemo();
    const paymentsTgs = snap.targetGroups.filter((t) => t.accountId === PAYMENTS);
    expect(paymentsTgs).toHaveLength(full[PAYMENTS]?.['us-east-1']?.targetGroups ?? -1);
    expect(snap.problems).toHaveLength(paymentsTgs.length);
    for (const p of snap.problems) {
      expect(p).toMatchObject({
        accountId: PAYMENTS,
        region: 'us-east-1',
        operation: 'ListTargets',
        error: { code: 'ACCESS_DENIED', awsCode: 'AccessDeniedException' },
      });
      expect(p.error.message).toContain('vpc-lattice:ListTargets');
      expect(paymentsTgs.map((t) => t.arn)).toContain(p.resourceArn);
      expect(snap.targets[p.resourceArn ?? '']).toBeUndefined();
    }
    expect(snap.accounts.every((a) => a.reachable)).toBe(true);
    const got = summaryOf(snap);
    expect(got[STOREFRONT]).toEqual(full[STOREFRONT]);
    expect(got[PAYMENTS]?.['us-east-1']?.rules).toBe(full[PAYMENTS]?.['us-east-1']?.rules);
  });

  it('reports a resource deleted mid-crawl (404 on its Get) as a problem and keeps the listed entry', async () => {
    await fault({
      account: STOREFRONT,
      service: 'vpc-lattice',
      operation: 'GetService',
      errorRate: 1,
      errorCode: 'ResourceNotFoundException',
    });
    const { snap } = await crawlDemo();
    const own = snap.services.filter((s) => s.accountId === STOREFRONT);
    expect(own).toHaveLength(full[STOREFRONT]?.['us-east-1']?.services ?? -1);
    expect(snap.problems.map((p) => [p.operation, p.error.code])).toEqual(own.map(() => ['GetService', 'NOT_FOUND']));
    expect(new Set(snap.problems.map((p) => p.resourceArn))).toEqual(new Set(own.map((s) => s.arn)));
    expect(summaryOf(snap)[STOREFRONT]?.['us-east-1']?.listeners).toBe(full[STOREFRONT]?.['us-east-1']?.listeners);
  });

  it('completes with every resource under a rate limit, pacing instead of failing', async () => {
    for (const account of [HUB, PAYMENTS, STOREFRONT])
      await app.h.control('POST', '/rate-limits', { account, service: 'vpc-lattice', ratePerSecond: 8 });
    const { snap, result } = await crawlDemo();
    expect(snap.problems).toEqual([]);
    expect(summaryOf(snap)).toEqual(full);
    expect(result.calls.total.throttled).toBeGreaterThan(0);
    expect(result.calls.total.failed).toBe(0);
    expect(result.calls.total.requests).toBe(result.calls.total.calls + result.calls.total.throttled);
  });

  it('turns calls slower than the timeout into TIMEOUT problems without hanging', async () => {
    await fault({ account: STOREFRONT, service: 'vpc-lattice', operation: 'ListTargets', latencyMs: 5000 });
    const { snap } = await crawlDemo({ TRELLIS_AWS_TIMEOUT_MS: '1000', TRELLIS_AWS_MAX_ATTEMPTS: '2' });
    const slow = snap.targetGroups.filter((t) => t.accountId === STOREFRONT);
    expect(snap.problems.map((p) => p.resourceArn).sort()).toEqual(slow.map((t) => t.arn).sort());
    for (const p of snap.problems)
      expect(p).toMatchObject({ operation: 'ListTargets', error: { code: 'TIMEOUT', retryable: true } });
    expect(summaryOf(snap)[PAYMENTS]).toEqual(full[PAYMENTS]);
  });

  it('stops at the crawl deadline with what it read and one problem per account cut short', async () => {
    await fault({ service: 'vpc-lattice', operation: 'ListTargets', latencyMs: 10_000 });
    const { snap } = await crawlDemo({}, { deadlineMs: 3000 });
    const cut = snap.problems.filter((p) => p.operation === 'Crawl');
    expect(cut.map((p) => p.accountId)).toEqual([HUB, PAYMENTS, STOREFRONT]);
    for (const p of cut) expect(p.error).toMatchObject({ code: 'TIMEOUT', account: p.accountId });
    expect(snap.problems.filter((p) => p.operation !== 'Crawl')).toEqual([]);
    // The lists were read before the deadline; no target group's health was.
    expect(snap.services).toHaveLength(Object.values(full).reduce((n, r) => n + (r['us-east-1']?.services ?? 0), 0));
    expect(Object.keys(snap.targets)).toHaveLength(0);
  });
});
