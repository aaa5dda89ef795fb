/**
 * The services the routing page can open: every service owned by a configured account (only the
 * owner can change its listeners and rules), read with ListServices. Accounts that cannot be read
 * are reported, not fatal.
 */
import 'server-only';
import { ListServicesCommand } from '@aws-sdk/client-vpc-lattice';
import { listAccounts } from '../aws/accounts';
import { mapLimited } from '../aws/concurrency';
import { parseLatticeArn } from '../domain/arn';
import { toErrorInfo } from '../domain/errors';
import type { ServiceChoice, ServiceList } from '../domain/routingView';
import { allPages, type RoutingContext } from './context';


/** Lists the services owned by each configured account, by account name then service name. */
export async function listOwnedServices(ctx: RoutingContext): Promise<ServiceList> {
  const accounts = await listAccounts(ctx.factory);
  const problems: ServiceList['problems'] = [];
  const perAccount = await mapLimited(accounts, 4, async (a) => {
    const region = a.regions[0] ?? ctx.factory.config.region;
    const scope = { accountId: a.accountId, region, user: ctx.user.id };
    const client = ctx.factory.lattice(scope);
    try {
      const items = await allPages((nextToken) => ctx.factory.call({ ...scope, operation: 'ListServices' }, (abortSignal) => client.send(new ListServicesCommand({ maxResults: 100, ...(nextToken ? { nextToken } : {}) }), { abortSignal })));
      return items
        .filter((s) => s.arn && parseLatticeArn(s.arn)?.accountId === a.accountId)
        .map((s): ServiceChoice => ({ arn: s.arn!, name: s.name ?? s.id ?? s.arn!, accountId: a.accountId, accountName: a.name }));
    } catch (e) {
      problems.push({ accountId: a.accountId, accountName: a.name, error: toErrorInfo(e) });
      return [];
    }
  });
  const services = perAccount.flat().sort((x, y) => x.accountName.localeCompare(y.accountName) || x.name.localeCompare(y.name));
  return { services, problems };
}
