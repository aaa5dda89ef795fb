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

/**
 * The console's own (hub) account, where the audit log lives: the first configured account without a read
 * role (the base credentials read it, so it is theirs), else the base credentials' account (GetCallerIdentity
 * once, remembered; a failure is thrown and retried on the next call). Call it with `access: 'hub'`.
 */
export async function hubAccountId(factory: AwsClientFactory = awsClients()): Promise<string> {
  const accounts = factory.config.accounts;
  if (!accounts) return ((await listAccounts(factory))[0] as AccountConfig).accountId;
  const own = accounts.find((a) => !a.readRoleArn);
  if (own) return own.accountId;
  const found = factory.state('accounts.hub', () => ({ p: undefined as Promise<string> | undefined }));
  if (!found.p) {
    const p = factory.callerIdentity({ accountId: OWN_ACCOUNT, access: 'hub' }).then(({ account }) => {
      if (!account) throw new TrellisError('AWS_INTERNAL', 'GetCallerIdentity returned no account id');
      return account;
    });
    found.p = p;
    p.catch(() => {
      if (found.p === p) found.p = undefined;
    });
  }
  return found.p;
}

/** Strips an account to what may be shown in the browser. */
export function toPublicAccount(a: AccountConfig): PublicAccount {
  return { accountId: a.accountId, name: a.name, regions: [...a.regions] };
}
