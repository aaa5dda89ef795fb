/** Contract tests: the real STS client against the emulator. */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSServiceException } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function caught(p: Promise<unknown>): Promise<STSServiceException> {
  try {
    await p;
  } catch (e) {
    if (e instanceof STSServiceException) return e;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('STS', () => {
  it('GetCallerIdentity names the account of the signing key', async () => {
    const out = await h.sts(h.creds(1)).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('222222222222');
    expect(out.Arn).toBe('arn:aws:iam::222222222222:user/admin');
  });

  it('AssumeRole issues keys that belong to the role account and carry the source identity', async () => {
    const out = await h.sts().send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::333333333333:role/TrellisReadOnly',
        RoleSessionName: 'alice-session',
        ExternalId: 'trellis-demo',
        SourceIdentity: 'alice@example.com',
      }),
    );
    expect(out.SourceIdentity).toBe('alice@example.com');
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::333333333333:assumed-role/TrellisReadOnly/alice-session');
    expect(out.Credentials?.Expiration?.getTime()).toBeGreaterThan(Date.now());
    const c = out.Credentials!;
    const who = await h
      .sts({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! })
      .send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe('333333333333');
  });

  it('refuses a wrong ExternalId and an unknown role with AccessDenied', async () => {
    const wrong = await caught(
      h.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/TrellisReadOnly',
          RoleSessionName: 's1',
          ExternalId: 'nope',
        }),
      ),
    );
    expect(wrong.name).toBe('AccessDenied');
    expect(wrong.$metadata.httpStatusCode).toBe(403);
    const unknown = await caught(
      h.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/Nope',
          RoleSessionName: 's1',
          ExternalId: 'trellis-demo',
        }),
      ),
    );
    expect(unknown.name).toBe('AccessDenied');
  });

  it('refuses a role that does not trust the caller account', async () => {
    const e = await caught(
      h.sts(h.creds(2)).send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/TrellisReadOnly',
          RoleSessionName: 's1',
          ExternalId: 'trellis-demo',
        }),
      ),
    );
    expect(e.name).toBe('AccessDenied');
  });

  it('answers ValidationError for a bad session name, InvalidClientTokenId-style errors for unknown keys', async () => {
    const bad = await caught(
      h.sts().send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::222222222222:role/TrellisReadOnly',
          RoleSessionName: 'has space',
          ExternalId: 'trellis-demo',
        }),
      ),
    );
    expect(bad.name).toBe('ValidationError');
    expect(bad.message).toContain('RoleSessionName');
    const unknownKey = await caught(
      h.sts({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }).send(new GetCallerIdentityCommand({})),
    );
    expect(unknownKey.$metadata.httpStatusCode).toBe(403);
  });

  it('issues new session keys after a reset: a session from before never becomes another role or account', async () => {
    const assume = (account: string, role: string) =>
      h
        .sts()
        .send(
          new AssumeRoleCommand({
            RoleArn: `arn:aws:iam::${account}:role/${role}`,
            RoleSessionName: 'sess',
            ExternalId: 'trellis-demo',
          }),
        )
        .then((o) => o.Credentials!);
    const reset = () => h.control('POST', '/reset', { scenario: 'empty', seed: 1 });
    await reset();
    const before = await assume('222222222222', 'TrellisOperator');
    await reset();
    // The same seed draws the same numbers again: the keys must not come from it.
    const after = [await assume('333333333333', 'TrellisReadOnly'), await assume('222222222222', 'TrellisOperator')];
    for (const c of after) {
      expect(c.AccessKeyId).not.toBe(before.AccessKeyId);
      expect(c.SecretAccessKey).not.toBe(before.SecretAccessKey);
      expect(c.SessionToken).not.toBe(before.SessionToken);
    }
    const old = {
      accessKeyId: before.AccessKeyId!,
      secretAccessKey: before.SecretAccessKey!,
      sessionToken: before.SessionToken!,
    };
    const e = await caught(h.sts(old).send(new GetCallerIdentityCommand({})));
    expect(e.$metadata.httpStatusCode).toBe(403);
  });

  it('throttles with the STS error when a rate limit is exceeded', async () => {
    await h.control('POST', '/rate-limits', { account: '222222222222', ratePerSecond: 0.001, burst: 1 });
    const c = h.sts(h.creds(1));
    await c.send(new GetCallerIdentityCommand({}));
    const e = await caught(c.send(new GetCallerIdentityCommand({})));
    expect(e.name).toBe('Throttling');
    await h.control('DELETE', '/rate-limits');
  });
});
