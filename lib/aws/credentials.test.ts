import { describe, expect, it } from 'vitest';
import {
  assumeRoleCredentials,
  memoizeCredentials,
  sessionNameFor,
  sourceIdentityFor,
  type Credentials,
} from './credentials';

/** A fake STS: hands out numbered credentials expiring `lifetimeMs` after the fake clock's now. */
function fakeSource(clock: { t: number }, lifetimeMs: number) {
  const calls = { n: 0, fail: false };
  const fetch = async (): Promise<Credentials> => {
    calls.n++;
    if (calls.fail) throw new Error('sts down');
    return {
      accessKeyId: `ASIA${calls.n}`,
      secretAccessKey: 's',
      sessionToken: 't',
      expiration: new Date(clock.t + lifetimeMs),
    };
  };
  return { calls, fetch };
}

describe('memoizeCredentials', () => {
  it('reuses credentials until five minutes before expiry, then refreshes', async () => {
    const clock = { t: 1_000_000 };
    const src = fakeSource(clock, 60 * 60_000);
    const p = memoizeCredentials(src.fetch, { now: () => clock.t });
    expect((await p()).accessKeyId).toBe('ASIA1');
    clock.t += 54 * 60_000;
    expect((await p()).accessKeyId).toBe('ASIA1');
    clock.t += 2 * 60_000; // 4 minutes left: inside the margin
    expect((await p()).accessKeyId).toBe('ASIA2');
    expect(src.calls.n).toBe(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    const clock = { t: 0 };
    const src = fakeSource(clock, 60 * 60_000);
    const p = memoizeCredentials(src.fetch, { now: () => clock.t });
    const all = await Promise.all([p(), p(), p()]);
    expect(all.map((c) => c.accessKeyId)).toEqual(['ASIA1', 'ASIA1', 'ASIA1']);
    expect(src.calls.n).toBe(1);
  });

  it('does not refetch on every call when the session is shorter than twice the margin', async () => {
    const clock = { t: 0 };
    const src = fakeSource(clock, 6 * 60_000);
    const p = memoizeCredentials(src.fetch, { now: () => clock.t });
    await p();
    clock.t += 2 * 60_000;
    await p();
    expect(src.calls.n).toBe(1);
    clock.t += 2 * 60_000;
    await p();
    expect(src.calls.n).toBe(2);
  });

  it('keeps unexpired credentials when a refresh fails, and never caches a failure', async () => {
    const clock = { t: 0 };
    const src = fakeSource(clock, 60 * 60_000);
    const p = memoizeCredentials(src.fetch, { now: () => clock.t });
    await p();
    src.calls.fail = true;
    clock.t += 57 * 60_000;
    expect((await p()).accessKeyId).toBe('ASIA1');
    clock.t += 5 * 60_000; // now really expired
    await expect(p()).rejects.toThrow('sts down');
    src.calls.fail = false;
    expect((await p()).accessKeyId).toBe('ASIA4');
  });

  it('treats credentials without expiration as long-lived', async () => {
    let n = 0;
    const p = memoizeCredentials(async () => ({ accessKeyId: `AKIA${++n}`, secretAccessKey: 's' }));
    await p();
    await p();
    expect(n).toBe(1);
  });
});

describe('session names and source identities', () => {
  it('derives a valid RoleSessionName from the user', () => {
    expect(sessionNameFor('alice@example.com')).toBe('trellis-alice@example.com');
    expect(sessionNameFor('Alice Smith/ops')).toBe('trellis-Alice-Smith-ops');
    expect(sessionNameFor(undefined)).toBe('trellis-console');
    expect(sessionNameFor('x'.repeat(100))).toHaveLength(64);
  });

  it('keeps a usable SourceIdentity and drops an unusable one', () => {
    expect(sourceIdentityFor('alice@example.com')).toBe('alice@example.com');
    expect(sourceIdentityFor('a')).toBe('trellis-console');
    // ':' is not allowed, so the reserved 'aws:' prefix cannot survive.
    expect(sourceIdentityFor('aws:bob')).toBe('aws-bob');
    expect(sourceIdentityFor(undefined)).toBe('trellis-console');
    expect(sessionNameFor(sourceIdentityFor(undefined))).toBe('trellis-console');
    expect(sourceIdentityFor('y'.repeat(80))).toHaveLength(64);
  });
});

describe('assumeRoleCredentials', () => {
  it('always sends a SourceIdentity: the user, or trellis-console for calls no user made', async () => {
    const sent: Array<Record<string, unknown>> = [];
    const sts = {
      send: async (cmd: { input: Record<string, unknown> }) => {
        sent.push(cmd.input);
        const Expiration = new Date(Date.now() + 3_600_000);
        return { Credentials: { AccessKeyId: 'AK', SecretAccessKey: 'SK', SessionToken: 'T', Expiration } };
      },
    } as unknown as Parameters<typeof assumeRoleCredentials>[0];
    const roleArn = 'arn:aws:iam::222222222222:role/TrellisReader';
    await assumeRoleCredentials(sts, { roleArn, sourceIdentity: sourceIdentityFor(undefined) })();
    await assumeRoleCredentials(sts, { roleArn, sourceIdentity: sourceIdentityFor('alice@example.com') })();
    expect(sent.map((i) => [i.SourceIdentity, i.RoleSessionName])).toEqual([
      ['trellis-console', 'trellis-console'],
      ['alice@example.com', 'trellis-alice@example.com'],
    ]);
  });
});
