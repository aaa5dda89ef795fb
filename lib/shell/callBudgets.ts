/**
 * The call budget of every configured account as the account indicator shows it: VPC Lattice
 * requests started in the last second against the budget per second, and how many wait.
 */
import 'server-only';
import { listAccounts } from '../aws/accounts';
import { awsClients, type AwsClientFactory } from '../aws/clientFactory';

/** One account's budget now (its busiest region). */
export interface AccountBudget {
  accountId: string;
  inUse: number;
  limit: number;
  waiting: number;
}

/** The budgets of the configured accounts, in their configured order. */
export async function callBudgets(factory: AwsClientFactory = awsClients()): Promise<AccountBudget[]> {
  const accounts = await listAccounts(factory);
  return accounts.map((a) => ({ accountId: a.accountId, ...factory.gate.budgetUse(a.accountId) }));
}
