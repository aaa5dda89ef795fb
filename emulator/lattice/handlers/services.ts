/** Services: create (with DNS entry, quota per Region), get, list (own and shared), update, delete. */
import { serviceDnsEntry } from '../arns';
import { conflict, quotaExceeded } from '../errors';
import type { AuthType, ServiceRecord } from '../types';
import {
  byName,
  idempotent,
  nameTaken,
  newRecord,
  paginate,
  requireOwner,
  resolve,
  touch,
  type Handler,
} from './common';

/** Quota code of "Services per Region". */
export const SERVICES_PER_REGION_QUOTA = 'L-E8D7B2C1';

const create: Handler = (env, input) =>
  idempotent(env, input, 'SERVICE', () => {
    const name = input.name as string;
    const mine = env.store.all('service', env.region).filter((s) => s.accountId === env.account);
    const taken = nameTaken(mine, name);
    if (taken)
      throw conflict(
        'SERVICE',
        taken.id,
        `A service named '${name}' already exists in account ${env.account} (${taken.id})`,
      );
    if (mine.length >= env.store.quotas.servicesPerRegion) {
      throw quotaExceeded(
        'SERVICE',
        SERVICES_PER_REGION_QUOTA,
        `Account ${env.account} already has ${mine.length} services in ${env.region}, the quota of services per Region`,
      );
    }
    const svc: ServiceRecord = {
      ...newRecord(env, 'service', input.tags),
      name,
      authType: (input.authType as AuthType | undefined) ?? 'NONE',
      status: 'ACTIVE',
      dnsEntry: serviceDnsEntry(env.state.rng, name, env.region),
      ...(input.customDomainName !== undefined ? { customDomainName: input.customDomainName as string } : {}),
      ...(input.certificateArn !== undefined && input.certificateArn !== ''
        ? { certificateArn: input.certificateArn as string }
        : {}),
      ...(input.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: input.idleTimeoutSeconds as number } : {}),
    };
    env.store.put('service', svc);
    return { ...svc };
  });

const get: Handler = (env, input) => ({ ...resolve(env, 'service', input.serviceIdentifier as string) });

const list: Handler = (env, input) => {
  const visible = env.store.all('service', env.region).filter((s) => env.store.canSee(env.account, 'service', s));
  const page = paginate(env, input, [], visible, byName);
  return { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const svc = resolve(env, 'service', input.serviceIdentifier as string);
  requireOwner(env, svc);
  if (input.authType !== undefined) svc.authType = input.authType as AuthType;
  if (input.idleTimeoutSeconds !== undefined) svc.idleTimeoutSeconds = input.idleTimeoutSeconds as number;
  if (input.certificateArn !== undefined) {
    if (input.certificateArn === '') delete svc.certificateArn;
    else svc.certificateArn = input.certificateArn as string;
  }
  touch(env, svc);
  return { ...svc };
};

const remove: Handler = (env, input) => {
  const svc = resolve(env, 'service', input.serviceIdentifier as string);
  requireOwner(env, svc);
  const assoc = env.store.serviceAssociations({ serviceId: svc.id });
  if (assoc.length > 0) {
    throw conflict(
      'SERVICE',
      svc.id,
      `Service ${svc.id} is still associated with ${assoc.length} service network(s); delete the associations first`,
    );
  }
  // AWS deletes listeners, rules, access-log subscriptions and policies with the service.
  for (const l of env.store.listenersOf(svc.id)) {
    for (const r of env.store.rulesOf(l.id)) env.store.remove('rule', r.id);
    env.store.remove('listener', l.id);
  }
  for (const als of env.store.accessLogSubscriptionsOf(svc.arn)) env.store.remove('accesslogsubscription', als.id);
  env.store.remove('service', svc.id);
  return { id: svc.id, arn: svc.arn, name: svc.name, status: 'DELETE_IN_PROGRESS' };
};

/** Handlers by operation name. */
export const serviceHandlers: Record<string, Handler> = {
  CreateService: create,
  GetService: get,
  ListServices: list,
  UpdateService: update,
  DeleteService: remove,
};
