import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Env } from './config';

const base: Env = { AWS_REGION: 'us-east-1' };

/** The issues of a configuration that must fail. */
function issuesOf(env: Env, files: Record<string, string> = {}): string[] {
  try {
    loadConfig(env, (p) => {
      const text = files[p];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return text;
    });
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const hub = { accountId: '111111111111', name: 'network-hub' };
const payments = {
  accountId: '222222222222',
  name: 'payments',
  roleArn: 'arn:aws:iam::222222222222:role/TrellisOperator',
  externalId: 'trellis-demo',
};
const { roleArn: _legacy, ...paymentsWithoutRole } = payments;

describe('loadConfig defaults', () => {
  it('needs only a region and uses documented defaults', () => {
    const c = loadConfig(base);
    expect(c).toEqual({
      region: 'us-east-1',
      accounts: undefined,
      awsTimeoutMs: 10_000,
      awsMaxAttempts: 4,
      accountConcurrency: 8,
      callBudget: 5,
      inventoryFullEveryMinutes: 30,
      inventorySweepRefreshes: 2,
      inventoryHealthRefreshes: 10,
      auth: { mode: 'alb', roles: { claim: 'groups', operatorValues: [] } },
      readOnly: false,
      auditLogGroup: '/trellis/audit',
      maxQueriesPerUser: 15,
      endpoints: {},
    });
  });

  it('falls back to AWS_DEFAULT_REGION and prefers AWS_REGION', () => {
    expect(loadConfig({ AWS_DEFAULT_REGION: 'eu-west-1' }).region).toBe('eu-west-1');
    expect(loadConfig({ AWS_REGION: 'us-gov-west-1', AWS_DEFAULT_REGION: 'eu-west-1' }).region).toBe('us-gov-west-1');
  });

  it('requires a region and rejects a malformed one', () => {
    expect(issuesOf({})).toEqual([expect.stringMatching(/^AWS_REGION: is required/)]);
    expect(issuesOf({ AWS_REGION: 'US East' })).toEqual([
      "AWS_REGION: must be a region name such as us-east-1, got 'US East'",
    ]);
  });
});

describe('loadConfig numbers, booleans and enums', () => {
  it('parses valid values', () => {
    const c = loadConfig({
      ...base,
      TRELLIS_AWS_TIMEOUT_MS: '2500',
      TRELLIS_AWS_MAX_ATTEMPTS: '1',
      TRELLIS_ACCOUNT_CONCURRENCY: '3',
      TRELLIS_CALL_BUDGET: '12',
      TRELLIS_READ_ONLY: 'YES',
      TRELLIS_AUDIT_LOG_GROUP: '/ops/trellis-audit',
      TRELLIS_MAX_QUERIES_PER_USER: '2',
    });
    expect(c).toMatchObject({
      awsTimeoutMs: 2500,
      awsMaxAttempts: 1,
      accountConcurrency: 3,
      callBudget: 12,
      readOnly: true,
      auditLogGroup: '/ops/trellis-audit',
      maxQueriesPerUser: 2,
    });
    expect(loadConfig({ ...base, TRELLIS_READ_ONLY: 'false' }).readOnly).toBe(false);
  });

  it('collects one message per bad variable', () => {
    const issues = issuesOf({
      ...base,
      TRELLIS_AWS_TIMEOUT_MS: '10s',
      TRELLIS_AWS_MAX_ATTEMPTS: '0',
      TRELLIS_ACCOUNT_CONCURRENCY: '1000',
      TRELLIS_CALL_BUDGET: '0',
      TRELLIS_READ_ONLY: 'maybe',
      TRELLIS_AUTH: 'oidc',
      TRELLIS_AUDIT_LOG_GROUP: 'bad group!',
    });
    expect(issues).toEqual([
      "TRELLIS_AUDIT_LOG_GROUP: must be a log group name of 1-512 characters [A-Za-z0-9._/#-], got 'bad group!'",
      "TRELLIS_AWS_TIMEOUT_MS: must be a whole number from 100 to 300000, got '10s'",
      "TRELLIS_AWS_MAX_ATTEMPTS: must be a whole number from 1 to 10, got '0'",
      "TRELLIS_ACCOUNT_CONCURRENCY: must be a whole number from 1 to 64, got '1000'",
      "TRELLIS_CALL_BUDGET: must be a whole number from 1 to 1000, got '0'",
      "TRELLIS_AUTH: must be one of alb, none, got 'oidc'",
      "TRELLIS_READ_ONLY: must be true or false, got 'maybe'",
    ]);
  });

  it('puts every issue in the error message', () => {
    expect(() => loadConfig({ TRELLIS_AWS_MAX_ATTEMPTS: 'x' })).toThrow(
      /Trellis configuration is invalid:\n {2}- AWS_REGION: .*\n {2}- TRELLIS_AWS_MAX_ATTEMPTS: /,
    );
  });
});

describe('loadConfig auth', () => {
  it('requires TRELLIS_ANONYMOUS_ROLE when authentication is off', () => {
    expect(issuesOf({ ...base, TRELLIS_AUTH: 'none' })).toEqual([
      expect.stringMatching(/^TRELLIS_ANONYMOUS_ROLE: is required when TRELLIS_AUTH=none/),
    ]);
    expect(issuesOf({ ...base, TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'admin' })).toEqual([
      "TRELLIS_ANONYMOUS_ROLE: must be one of viewer, operator, got 'admin'",
    ]);
    expect(loadConfig({ ...base, TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'operator' }).auth).toEqual({
      mode: 'none',
      anonymousRole: 'operator',
    });
  });

  it('parses the optional ALB settings', () => {
    const albArn = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/trellis/50dc6c495c0c9188';
    const c = loadConfig({
      ...base,
      TRELLIS_ALB_ARN: albArn,
      TRELLIS_ALB_KEYS_URL: 'https://public-keys.auth.elb.us-east-1.amazonaws.com',
    });
    expect(c.auth).toEqual({
      mode: 'alb',
      albArn,
      keysUrl: 'https://public-keys.auth.elb.us-east-1.amazonaws.com',
      roles: { claim: 'groups', operatorValues: [] },
    });
    expect(issuesOf({ ...base, TRELLIS_ALB_ARN: 'trellis-alb', TRELLIS_ALB_KEYS_URL: 'ftp://x' })).toEqual([
      expect.stringMatching(/^TRELLIS_ALB_ARN: must be an application load balancer ARN .*, got 'trellis-alb'$/),
      "TRELLIS_ALB_KEYS_URL: must be an http(s) URL, got 'ftp://x'",
    ]);
  });
});

describe('loadConfig endpoints', () => {
  it('detects the local emulator from any AWS_ENDPOINT_URL* on a loopback host', () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]']) {
      const c = loadConfig({ ...base, AWS_ENDPOINT_URL_STS: `http://${host}:4566` });
      expect(c.emulatorEndpoint).toBe(`http://${host}:4566`);
    }
    const c = loadConfig({
      ...base,
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4599',
      AWS_ENDPOINT_URL_VPC_LATTICE: 'http://127.0.0.1:4599',
    });
    expect(c.endpoints).toEqual({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4599',
      AWS_ENDPOINT_URL_VPC_LATTICE: 'http://127.0.0.1:4599',
    });
  });

  it('does not call a remote endpoint an emulator, and rejects a non-URL', () => {
    expect(
      loadConfig({ ...base, AWS_ENDPOINT_URL_STS: 'https://sts.us-east-1.amazonaws.com' }).emulatorEndpoint,
    ).toBeUndefined();
    expect(issuesOf({ ...base, AWS_ENDPOINT_URL_LOGS: '127.0.0.1:4566x' })).toEqual([
      "AWS_ENDPOINT_URL_LOGS: must be a URL such as http://127.0.0.1:4566, got '127.0.0.1:4566x'",
    ]);
  });
});

describe('loadConfig TRELLIS_ACCOUNTS', () => {
  it('parses an inline JSON array and fills in regions', () => {
    const c = loadConfig({
      ...base,
      TRELLIS_ACCOUNTS: JSON.stringify([hub, { ...payments, regions: ['eu-west-1', 'us-east-1', 'eu-west-1'] }]),
    });
    expect(c.accounts).toEqual([
      { ...hub, regions: ['us-east-1'] },
      {
        ...paymentsWithoutRole,
        // The legacy roleArn is one role for reads and changes.
        readRoleArn: payments.roleArn,
        writeRoleArn: payments.roleArn,
        regions: ['eu-west-1', 'us-east-1'],
      },
    ]);
  });

  it('reads a JSON file when the value is a path', () => {
    const c = loadConfig({ ...base, TRELLIS_ACCOUNTS: '/etc/trellis/accounts.json' }, (p) =>
      p === '/etc/trellis/accounts.json' ? JSON.stringify([hub]) : '',
    );
    expect(c.accounts).toEqual([{ ...hub, regions: ['us-east-1'] }]);
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: './missing.json' })).toEqual([
      "TRELLIS_ACCOUNTS: cannot read the file './missing.json' (ENOENT) " +
        "(a relative path resolves against the server's working directory; use an absolute path); " +
        'give a JSON array or the path of a JSON file',
    ]);
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: 'a.json' }, { 'a.json': '[{' })).toEqual([
      expect.stringMatching(/^TRELLIS_ACCOUNTS: the file a.json is not valid JSON \(/),
    ]);
  });

  it('rejects a non-array, an empty list and bad JSON', () => {
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: JSON.stringify(hub) })).toEqual([
      'TRELLIS_ACCOUNTS: must be a JSON array of {accountId, name, readRoleArn?, writeRoleArn?, externalId?, regions?}',
    ]);
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: '[]' })).toEqual([
      expect.stringMatching(/^TRELLIS_ACCOUNTS: the list is empty/),
    ]);
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: '[1,' })).toEqual([
      expect.stringMatching(/^TRELLIS_ACCOUNTS: the value is not valid JSON/),
    ]);
  });

  it('names the entry and the field of every problem', () => {
    const accounts = [
      hub,
      { ...payments, roleArn: 'TrellisOperator' },
      { accountId: 333333333333, name: '' },
      { ...payments, accountId: '444444444444', rolearn: 'x' },
      { accountId: '555555555555', name: 'x', externalId: 'abc' },
      { accountId: '111111111111', name: 'again', regions: ['Mars'] },
    ];
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: JSON.stringify(accounts) })).toEqual([
      'TRELLIS_ACCOUNTS: entry 2: roleArn must look like arn:aws:iam::<12 digits>:role/<name>',
      'TRELLIS_ACCOUNTS: entry 3: accountId must be a string of 12 digits (quote it in JSON)',
      'TRELLIS_ACCOUNTS: entry 3: name must not be empty',
      "TRELLIS_ACCOUNTS: entry 4: unknown key 'rolearn' " +
        '(known: accountId, name, roleArn, readRoleArn, writeRoleArn, externalId, regions)',
      'TRELLIS_ACCOUNTS: entry 5: externalId needs a readRoleArn or writeRoleArn',
      'TRELLIS_ACCOUNTS: entry 6: regions must hold region names such as us-east-1',
    ]);
  });

  it('rejects a role in another account and a duplicated account', () => {
    const accounts = [
      hub,
      { ...payments, roleArn: 'arn:aws:iam::333333333333:role/TrellisOperator' },
      { ...hub, name: 'hub-again' },
    ];
    expect(issuesOf({ ...base, TRELLIS_ACCOUNTS: JSON.stringify(accounts) })).toEqual([
      'TRELLIS_ACCOUNTS: entry 2: roleArn is in account 333333333333 but accountId is 222222222222',
      'TRELLIS_ACCOUNTS: entry 3: account 111111111111 is already listed in entry 1',
    ]);
  });

  it('accepts role paths and partitions other than aws', () => {
    const c = loadConfig({
      ...base,
      TRELLIS_ACCOUNTS: JSON.stringify([
        {
          accountId: '222222222222',
          name: 'gov',
          roleArn: 'arn:aws-us-gov:iam::222222222222:role/ops/TrellisReadOnly',
        },
      ]),
    });
    expect(c.accounts?.[0]?.readRoleArn).toBe('arn:aws-us-gov:iam::222222222222:role/ops/TrellisReadOnly');
  });
});
