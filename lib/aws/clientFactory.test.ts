/**
 * Integration: the client factory against an in-process emulator, configured only the way a
 * deployment is (base keys and AWS_ENDPOINT_URL_* in the environment, TRELLIS_ACCOUNTS).
 */
import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import { ListServiceNetworksCommand } from '@aws-sdk/client-vpc-lattice';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../emulator/contract/harness';
import { STANDARD_ACCOUNTS } from '../../emulator/scenarios/accounts';
import { loadConfig, type Env } from '../config';
import { TrellisError } from '../domain/errors';
import { listAccounts, toPublicAccount } from './accounts';
import { AwsClientFactory, type ClientScope } from './clientFactory';

function standard(i: number): (typeof STANDARD_ACCOUNTS)[number] {
  const a = STANDARD_ACCOUNTS[i];
  if (!a) throw new Error(`standard account ${i} missing`);
  return a;
}
const [hub, payments, storefront] = [standard(0), standard(1), standard(2)];

let h: Harness;
const saved = { ...process.env };
const factories: AwsClientFactory[] = [];

beforeAll(async () => {
  h = await startHarness();
  // Exactly what a deployment provides: the SDK finds keys and endpoints in the environment.
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: hub.accessKeyId,
    AWS_SECRET_ACCESS_KEY: hub.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_STS: h.emu.url,
    AWS_ENDPOINT_URL_VPC_LATTICE: h.emu.url,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: h.emu.url,
  });
});
afterEach(async () => {
  await h.control('DELETE', '/faults');
  await h.control('DELETE', '/rate-limits');
});
afterAll(async () => {
  for (const f of factories) f.clear();
  process.env = saved;
  await h.close();
});

function factory(extra: Env = {}, externalId = 'trellis-demo'): AwsClientFactory {
  const accounts = [
    { accountId: hub.id, name: hub.name },
    {
      accountId: payments.id,
      name: payments.name,
      roleArn: `arn:aws:iam::${payments.id}:role/TrellisReadOnly`,
      externalId,
    },
    {
      accountId: storefront.id,
      name: storefront.name,
      roleArn: `arn:aws:iam::${storefront.id}:role/TrellisOperator`,
      externalId,
    },
  ];
  const f = new AwsClientFactory(loadConfig({ ...process.env, TRELLIS_ACCOUNTS: JSON.stringify(accounts), ...extra }));
  factories.push(f);
  return f;
}

function whoAmI(f: AwsClientFactory, scope: ClientScope): Promise<GetCallerIdentityCommandOutput> {
  const sts = f.sts(scope);
  return f.call({ ...scope, operation: 'GetCallerIdentity' }, (abortSignal) =>
    sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
  );
}

async function failure(p: Promise<unknown>): Promise<TrellisError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof TrellisError)) throw new Error(`expected a TrellisError, got ${String(e)}`);
  return e;
}

describe('AwsClientFactory against the emulator', () => {
  it('signs hub calls with the base keys from the environment', async () => {
    const f = factory();
    expect(f.credentialsFor({ accountId: hub.id })).toBeUndefined();
    const out = await whoAmI(f, { accountId: hub.id, user: 'alice@example.com' });
    expect(out.Account).toBe(hub.id);
    expect(out.Arn).toBe(`arn:aws:iam::${hub.id}:user/admin`);
  });

  it('reaches member accounts by AssumeRole with the ExternalId, carrying the user as SourceIdentity', async () => {
    const f = factory();
    const pay = await whoAmI(f, { accountId: payments.id, user: 'alice@example.com' });
    expect(pay.Account).toBe(payments.id);
    expect(pay.Arn).toBe(`arn:aws:sts::${payments.id}:assumed-role/TrellisReadOnly/trellis-alice@example.com`);
    const shop = await whoAmI(f, { accountId: storefront.id, user: 'bob@example.com' });
    expect(shop.Arn).toBe(`arn:aws:sts::${storefront.id}:assumed-role/TrellisOperator/trellis-bob@example.com`);
    const creds = await f.credentialsFor({ accountId: storefront.id, user: 'bob@example.com' })!();
    const session = h.emu.state.iam.resolve(creds.accessKeyId, creds.sessionToken, Date.now());
    expect(session).toMatchObject({
      accountId: storefront.id,
      type: 'assumed-role',
      sourceIdentity: 'bob@example.com',
    });
  });

  it('reuses clients and assumed-role credentials per account and user', async () => {
    const f = factory();
    const scope = { accountId: payments.id, user: 'carol@example.com' };
    expect(f.sts(scope)).toBe(f.sts(scope));
    expect(f.lattice(scope)).toBe(f.lattice(scope));
    expect(f.lattice(scope)).not.toBe(f.lattice({ ...scope, user: 'dave@example.com' }));
    expect(f.lattice(scope)).not.toBe(f.lattice({ ...scope, region: 'eu-west-1' }));
    // Base-credential clients are shared between users.
    expect(f.lattice({ accountId: hub.id, user: 'x1' })).toBe(f.lattice({ accountId: hub.id, user: 'x2' }));
    const provider = f.credentialsFor(scope)!;
    expect(f.credentialsFor(scope)).toBe(provider);
    const [a, b] = await Promise.all([provider(), provider()]);
    expect(a).toBe(b);
  });

  it('sends Lattice and Logs calls to the endpoints of AWS_ENDPOINT_URL_* without being told', async () => {
    const f = factory();
    const seen: string[] = [];
    const capture = (client: {
      middlewareStack: { add: (mw: never, opts: { step: 'finalizeRequest'; name: string }) => void };
    }) =>
      client.middlewareStack.add(
        ((next: (a: unknown) => Promise<unknown>) => async (args: { request: { hostname: string; port?: number } }) => {
          seen.push(`${args.request.hostname}:${args.request.port}`);
          return next(args);
        }) as never,
        { step: 'finalizeRequest', name: 'captureEndpoint' },
      );
    const lattice = f.lattice({ accountId: hub.id });
    const logs = f.logs({ accountId: hub.id });
    capture(lattice as never);
    capture(logs as never);
    // Whether or not the emulator implements these yet, the requests must go to it.
    await lattice.send(new ListServiceNetworksCommand({})).catch(() => undefined);
    await logs.send(new DescribeLogGroupsCommand({})).catch(() => undefined);
    expect(seen).toEqual([`127.0.0.1:${h.emu.port}`, `127.0.0.1:${h.emu.port}`]);
  });

  it('surfaces a wrong ExternalId as ACCESS_DENIED naming the account and role', async () => {
    const f = factory({}, 'not-the-external-id');
    const e = await failure(whoAmI(f, { accountId: payments.id, user: 'alice@example.com' }));
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.account).toBe(payments.id);
    expect(e.awsCode).toBe('AccessDenied');
    expect(e.message).toContain('sts:AssumeRole');
    expect(e.message).toContain(`arn:aws:iam::${payments.id}:role/TrellisReadOnly`);
  });

  it('refuses an account that is not configured', () => {
    const f = factory();
    expect(() => f.lattice({ accountId: '999999999999' })).toThrow(
      expect.objectContaining({ code: 'CONFIG', account: '999999999999' }),
    );
  });

  it('retries a throttled call and succeeds', async () => {
    const f = factory({ TRELLIS_AWS_MAX_ATTEMPTS: '4' });
    await h.control('POST', '/rate-limits', { account: hub.id, service: 'sts', ratePerSecond: 2, burst: 1 });
    await whoAmI(f, { accountId: hub.id });
    const out = await whoAmI(f, { accountId: hub.id });
    expect(out.Account).toBe(hub.id);
    expect(out.$metadata.attempts).toBeGreaterThanOrEqual(2);
  });

  it('surfaces THROTTLED when the retries are used up', async () => {
    const f = factory({ TRELLIS_AWS_MAX_ATTEMPTS: '1' });
    await h.control('POST', '/rate-limits', { account: hub.id, service: 'sts', ratePerSecond: 0.001, burst: 1 });
    await whoAmI(f, { accountId: hub.id });
    const e = await failure(whoAmI(f, { accountId: hub.id }));
    expect(e).toMatchObject({ code: 'THROTTLED', retryable: true, account: hub.id, awsCode: 'Throttling' });
    expect(e.requestId).toBeTruthy();
  });

  it('turns latency beyond the per-call timeout into TIMEOUT', async () => {
    const f = factory({ TRELLIS_AWS_TIMEOUT_MS: '200', TRELLIS_AWS_MAX_ATTEMPTS: '2' });
    await h.control('POST', '/faults', { account: hub.id, service: 'sts', latencyMs: 5_000 });
    const sts = f.sts({ accountId: hub.id });
    // A generous overall deadline, so that only the SDK's per-call timeout can end this call.
    const e = await failure(
      f.call({ accountId: hub.id, operation: 'GetCallerIdentity', deadlineMs: 60_000 }, (abortSignal) =>
        sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
      ),
    );
    expect(e).toMatchObject({ code: 'TIMEOUT', retryable: true, account: hub.id, awsCode: 'TimeoutError' });
    expect(e.message).toMatch(
      /^GetCallerIdentity in network-hub \(111111111111\), us-east-1 failed: TimeoutError: .*200 ms/,
    );
  });

  it('stops at the overall deadline even while the SDK would keep retrying', async () => {
    const f = factory({ TRELLIS_AWS_TIMEOUT_MS: '2000', TRELLIS_AWS_MAX_ATTEMPTS: '4' });
    await h.control('POST', '/faults', { account: hub.id, service: 'sts', latencyMs: 5_000 });
    const sts = f.sts({ accountId: hub.id });
    const e = await failure(
      f.call({ accountId: hub.id, operation: 'GetCallerIdentity', deadlineMs: 300 }, (abortSignal) =>
        sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
      ),
    );
    expect(e.code).toBe('TIMEOUT');
    expect(e.message).toContain('did not finish within 300 ms');
  });
});

describe('listAccounts', () => {
  it('returns the configured accounts, and strips them for the browser', async () => {
    const accounts = await listAccounts(factory());
    expect(accounts.map((a) => a.name)).toEqual(['network-hub', 'payments', 'storefront']);
    expect(toPublicAccount(accounts[1]!)).toEqual({ accountId: payments.id, name: 'payments', regions: ['us-east-1'] });
  });

  it("finds the credentials' own account without TRELLIS_ACCOUNTS", async () => {
    const f = new AwsClientFactory(loadConfig({ ...process.env }));
    factories.push(f);
    expect(await listAccounts(f)).toEqual([{ accountId: hub.id, name: 'this account', regions: ['us-east-1'] }]);
  });

  it("names the missing account id in errors as the console's own account, and retries later", async () => {
    const f = new AwsClientFactory(loadConfig({ ...process.env, TRELLIS_AWS_MAX_ATTEMPTS: '1' }));
    factories.push(f);
    await h.control('POST', '/faults', {
      account: hub.id,
      service: 'sts',
      errorRate: 1,
      errorCode: 'AccessDenied',
      errorMessage: 'denied for the test',
    });
    const e = await failure(listAccounts(f));
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.message).toMatch(
      /^GetCallerIdentity in the console's own account, us-east-1 failed: AccessDenied: denied for the test/,
    );
    await h.control('DELETE', '/faults');
    expect((await listAccounts(f))[0]?.accountId).toBe(hub.id);
  });
});
