/**
 * The accounts the console reads: those of TRELLIS_ACCOUNTS, or, without it, the account of the
 * console's own credentials (found once with GetCallerIdentity).
 */
import 'server-only';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
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

const discovered = new WeakMap<AwsClientFactory, Promise<AccountConfig[]>>();

async function discoverOwnAccount(factory: AwsClientFactory): Promise<AccountConfig[]> {
  const sts = factory.baseSts();
  const out = await factory.call({ accountId: OWN_ACCOUNT, operation: 'GetCallerIdentity' }, (abortSignal) =>
    sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
  );
  if (!out.Account) throw new TrellisError('AWS_INTERNAL', 'GetCallerIdentity returned no account id');
  return [{ accountId: out.Account, name: 'this account', regions: [factory.config.region] }];
}

/**
 * The accounts to read. In own-account mode the first successful GetCallerIdentity is remembered;
 * a failure is thrown (as a TrellisError) and retried on the next call.
 */
export async function listAccounts(factory: AwsClientFactory = awsClients()): Promise<AccountConfig[]> {
  if (factory.config.accounts) return factory.config.accounts;
  let p = discovered.get(factory);
  if (!p) {
    p = discoverOwnAccount(factory);
    discovered.set(factory, p);
    p.catch(() => discovered.delete(factory));
  }
  return p;
}

/** Strips an account to what may be shown in the browser. */
export function toPublicAccount(a: AccountConfig): PublicAccount {
  return { accountId: a.accountId, name: a.name, regions: [...a.regions] };
}
