/**
 * Credentials for member accounts: AssumeRole from the console's base credentials, cached until
 * shortly before they expire and refreshed transparently (one STS call however many clients ask).
 */
import 'server-only';
import { AssumeRoleCommand, type AssumeRoleCommandOutput, type STSClient } from '@aws-sdk/client-sts';
import { TrellisError } from '../domain/errors';
import { toTrellisError } from './errors';

/** Credentials as the SDK takes them (structurally the SDK's `AwsCredentialIdentity`). */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** A function the SDK calls for credentials before signing each request. */
export type CredentialProvider = () => Promise<Credentials>;

/** How early to refresh before expiry. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * Wraps `fetch` so that credentials are fetched once and reused until `margin` before they
 * expire (at most half their lifetime, so short sessions are not refetched on every call).
 * Concurrent callers share one fetch. A failed refresh falls back to credentials that have not
 * actually expired yet; otherwise the error is thrown and nothing is cached.
 */
export function memoizeCredentials(
  fetch: CredentialProvider,
  opts: { marginMs?: number; now?: () => number } = {},
): CredentialProvider {
  const margin = opts.marginMs ?? REFRESH_MARGIN_MS;
  const now = opts.now ?? Date.now;
  let current: Credentials | undefined;
  let refreshAt = 0;
  let inflight: Promise<Credentials> | undefined;

  const refresh = async (): Promise<Credentials> => {
    const fetchedAt = now();
    try {
      const creds = await fetch();
      const expiresAt = creds.expiration?.getTime();
      current = creds;
      refreshAt =
        expiresAt === undefined
          ? Number.POSITIVE_INFINITY
          : expiresAt - Math.min(margin, Math.max(0, (expiresAt - fetchedAt) / 2));
      return creds;
    } catch (e) {
      const stillValid = current && (current.expiration === undefined || current.expiration.getTime() > now());
      if (stillValid && current) return current;
      throw e;
    }
  };

  return () => {
    if (current && now() < refreshAt) return Promise.resolve(current);
    // Cleared in a later microtask, so even a synchronous failure is not cached.
    inflight ??= refresh().finally(() => {
      inflight = undefined;
    });
    return inflight;
  };
}

/** RoleSessionName allows `[\w+=,.@-]{2,64}`. */
export function sessionNameFor(user: string | undefined): string {
  const clean = (user ?? '').replace(/[^\w+=,.@-]/g, '-');
  return clean && clean !== CONSOLE_IDENTITY ? `trellis-${clean}`.slice(0, 64) : CONSOLE_IDENTITY;
}

/**
 * The source identity of calls no user made (the canary runner, background refreshes): member roles
 * require a SourceIdentity on every session (deploy/trellis-member-roles.yaml), so one is always set.
 */
export const CONSOLE_IDENTITY = 'trellis-console';

/**
 * SourceIdentity allows `[\w+=,.@-]{2,64}`; other characters become `-` (which also defuses the
 * reserved `aws:` prefix). `CONSOLE_IDENTITY` when there is no user or nothing usable is left.
 */
export function sourceIdentityFor(user: string | undefined): string {
  const clean = (user ?? '').replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
  return clean.length >= 2 ? clean : CONSOLE_IDENTITY;
}

/** What to assume. */
export interface AssumeRoleParams {
  roleArn: string;
  externalId?: string;
  /** The signed-in user, recorded by CloudTrail as the session's source identity. */
  sourceIdentity?: string;
  accountName?: string;
  durationSeconds?: number;
}

/** A memoised provider of `roleArn`'s credentials, assumed with `sts` (a client with the base credentials). */
export function assumeRoleCredentials(
  sts: STSClient,
  p: AssumeRoleParams,
  opts: { marginMs?: number; now?: () => number } = {},
): CredentialProvider {
  const account = /^arn:[^:]+:iam::(\d{12}):/.exec(p.roleArn)?.[1];
  const ctx = {
    operation: 'AssumeRole',
    resource: p.roleArn,
    ...(account ? { account } : {}),
    ...(p.accountName ? { accountName: p.accountName } : {}),
  };
  return memoizeCredentials(async () => {
    let out: AssumeRoleCommandOutput;
    try {
      out = await sts.send(
        new AssumeRoleCommand({
          RoleArn: p.roleArn,
          RoleSessionName: sessionNameFor(p.sourceIdentity),
          DurationSeconds: p.durationSeconds ?? 3600,
          ...(p.externalId ? { ExternalId: p.externalId } : {}),
          ...(p.sourceIdentity ? { SourceIdentity: p.sourceIdentity } : {}),
        }),
      );
    } catch (e) {
      throw toTrellisError(e, ctx);
    }
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
      throw new TrellisError('AWS_INTERNAL', `AssumeRole of ${p.roleArn} returned no credentials`, {
        resource: p.roleArn,
        ...(account ? { account } : {}),
      });
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      ...(c.Expiration ? { expiration: c.Expiration } : {}),
    };
  }, opts);
}
