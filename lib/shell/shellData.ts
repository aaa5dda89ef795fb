/**
 * What the shell (header, banners, account indicator) shows, as plain data for components. Never
 * credentials, role ARNs or ExternalIds: accounts are reduced to id, name and regions.
 */
import 'server-only';
import { headers } from 'next/headers';
import { listAccounts, toPublicAccount, type PublicAccount } from '../aws/accounts';
import { authenticate } from '../auth/authenticate';
import { mutationBlockedReason } from '../auth/permissions';
import { getConfig } from '../config';
import { attempt, type Result } from '../domain/result';
import type { User } from '../domain/user';
import { VERSION } from '../version';

/** The shell's synchronous facts. */
export interface ShellContext {
  version: string;
  region: string;
  /** Set when AWS_ENDPOINT_URL* points at this machine (the local emulator). */
  emulatorEndpoint?: string;
  readOnly: boolean;
  /** The user, or why there is none. */
  user: Result<User>;
  /** Why the user may not change anything (viewer, read-only); unset when they may. */
  blockedReason?: string;
  /** True when TRELLIS_ACCOUNTS lists the accounts; false when the console reads its own account. */
  accountsConfigured: boolean;
}

/** The shell's facts for the current request. */
export async function shellContext(): Promise<ShellContext> {
  const config = getConfig();
  const user = await authenticate(await headers(), config);
  const blockedReason = user.ok ? mutationBlockedReason(user.value, config) : undefined;
  return {
    version: VERSION,
    region: config.region,
    ...(config.emulatorEndpoint ? { emulatorEndpoint: config.emulatorEndpoint } : {}),
    readOnly: config.readOnly,
    user,
    ...(blockedReason ? { blockedReason } : {}),
    accountsConfigured: config.accounts !== undefined,
  };
}

/** The accounts for the indicator; in own-account mode this may call STS GetCallerIdentity once. */
export function shellAccounts(): Promise<Result<PublicAccount[]>> {
  return attempt(async () => (await listAccounts()).map(toPublicAccount));
}
