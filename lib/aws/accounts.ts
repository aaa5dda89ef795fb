/**
 * The accounts the console reads: those of TRELLIS_ACCOUNTS, or, without it, the account of the
 * console's own credentials (found once with GetCallerIdentity).
 */
import 'server-only';
import type { AccountConfig } from '../config';
import { TrellisError } from '../domain/errors';
import { awsClients, type AwsClientFactory } from './clientFactory';

/** What the browser may know of an account: never role ARNs or ExternalIds. */
export interface PublicAccount {
  accountId: string;
  name: string;
  regions: string[];
}

/** The label of calls made before the console knows its own account id. */
export const OWN_ACCOUNT = "the console's own account";

async function discoverOwnAccount(factory: AwsClientFactory): Promise<AccountConfig[]> {
  // Own-account mode: no account has a role, so this is the base credentials' identity.
  const { account } = await factory.callerIdentity({ accountId: OWN_ACCOUNT });
  if (!account) throw new TrellisError('AWS_INTERNAL', 'GetCallerIdentity returned no account id');
  return [{ accountId: account, name: 'this account', regions: [factory.config.region] }];
}

/**
 * The accounts to read. In own-account mode the first successful GetCallerIdentity is remembered;
 * a failure is thrown (as a TrellisError) and retried on the next call.
 */
export async function listAccounts(factory: AwsClientFactory = awsClients()): Promise<AccountConfig[]> {
  if (factory.config.accounts) return factory.config.accounts;
  const discovered = factory.state('accounts.discovered', () => ({
    p: undefined as Promise<AccountConfig[]> | undefined,
  }));
  if (!discovered.p) {
    const p = discoverOwnAccount(factory);
    discovered.p = p;
    p.catch(() => {
      if (discovered.p === p) discovered.p = undefined;
    });
  }
  return discovered.p;
}

/** Strips an account to what may be shown in the browser. */
export function toPublicAccount(a: AccountConfig): PublicAccount {
  return { accountId: a.accountId, name: a.name, regions: [...a.regions] };
}
