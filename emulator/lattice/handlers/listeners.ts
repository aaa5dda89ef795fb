/**
 * Listeners: each has a default rule that holds its default action (edited through UpdateListener).
 * Names and ports are unique per service; at most `listenersPerService` per service.
 */
import { conflict, fieldError, notFound, quotaExceeded } from '../errors';
import type { ListenerRecord, RuleAction, RuleRecord, ServiceRecord } from '../types';
import { checkTargetGroupQuota, normaliseAction } from './actions';
import {
  byName,
  idempotent,
  newRecord,
  paginate,
  requireOwner,
  resolve,
  touch,
  type Env,
  type Handler,
  type Output,
} from './common';

/** Quota code of "Listeners per service" (the code AWS Service Quotas shows). */
export const LISTENERS_PER_SERVICE_QUOTA = 'L-D64E952E';

/** Name of the default rule AWS creates with every listener. */
export const DEFAULT_RULE_NAME = 'default';

/** A listener of a service, by id or ARN; ResourceNotFound if it belongs to another service. */
export function resolveListener(
  env: Env,
  serviceIdentifier: string,
  listenerIdentifier: string,
): { service: ServiceRecord; listener: ListenerRecord } {
  const service = resolve(env, 'service', serviceIdentifier);
  const listener = resolve(env, 'listener', listenerIdentifier);
  // A listener of another service is "not found" under this service, as in AWS.
  if (listener.serviceId !== service.id)
    throw notFound(
      'LISTENER',
      listenerIdentifier,
      `Listener '${listenerIdentifier}' was not found in service ${service.id}`,
    );
  return { service, listener };
}

function view(env: Env, l: ListenerRecord): Output {
  const svc = env.store.get('service', l.serviceId);
  return {
    ...l,
    serviceArn: svc?.arn,
    serviceId: l.serviceId,
    defaultAction: env.store.get('rule', l.defaultRuleId)?.action,
  };
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'LISTENER', () => {
    const svc = resolve(env, 'service', input.serviceIdentifier as string);
    requireOwner(env, svc);
    const protocol = input.protocol as ListenerRecord['protocol'];
    if (protocol === 'TLS_PASSTHROUGH' && input.port === undefined)
      throw fieldError('port', null, 'A TLS_PASSTHROUGH listener needs a port');
    // "The VPC Lattice service must have a custom domain name", used as the SNI match (user guide, TLS listeners).
    if (protocol === 'TLS_PASSTHROUGH' && !svc.customDomainName)
      throw fieldError(
        'protocol',
        protocol,
        `Service ${svc.id} has no custom domain name; TLS_PASSTHROUGH listeners route by SNI on the custom domain`,
      );
    const port = (input.port as number | undefined) ?? (protocol === 'HTTPS' ? 443 : 80);
    const name = input.name as string;
    const siblings = env.store.listenersOf(svc.id);
    const sameName = siblings.find((l) => l.name === name);
    if (sameName)
      throw conflict(
        'LISTENER',
        sameName.id,
        `Service ${svc.id} already has a listener named '${name}' (${sameName.id})`,
      );
    const samePort = siblings.find((l) => l.port === port);
    if (samePort)
      throw conflict(
        'LISTENER',
        samePort.id,
        `Service ${svc.id} already has a listener on port ${port} (${samePort.id})`,
      );
    if (siblings.length >= env.store.quotas.listenersPerService) {
      throw quotaExceeded(
        'LISTENER',
        LISTENERS_PER_SERVICE_QUOTA,
        `Service ${svc.id} already has ${siblings.length} listeners, the quota of listeners per service`,
        svc.id,
      );
    }
    const action = normaliseAction(env, { protocol }, input.defaultAction as RuleAction, 'defaultAction');
    checkTargetGroupQuota(env, svc.id, { action });
    const base = newRecord(env, 'listener', input.tags, { serviceId: svc.id });
    const rule: RuleRecord = {
      ...newRecord(env, 'rule', {}, { serviceId: svc.id, listenerId: base.id }),
      serviceId: svc.id,
      listenerId: base.id,
      name: DEFAULT_RULE_NAME,
      isDefault: true,
      action,
    };
    const listener: ListenerRecord = { ...base, serviceId: svc.id, name, protocol, port, defaultRuleId: rule.id };
    env.store.put('rule', rule);
    env.store.put('listener', listener);
    return view(env, listener);
  });

const get: Handler = (env, input) =>
  view(env, resolveListener(env, input.serviceIdentifier as string, input.listenerIdentifier as string).listener);

const list: Handler = (env, input) => {
  const svc = resolve(env, 'service', input.serviceIdentifier as string);
  const page = paginate(env, input, [svc.id], env.store.listenersOf(svc.id), byName);
  return { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const { service, listener } = resolveListener(
    env,
    input.serviceIdentifier as string,
    input.listenerIdentifier as string,
  );
  requireOwner(env, service);
  const action = normaliseAction(env, listener, input.defaultAction as RuleAction, 'defaultAction');
  checkTargetGroupQuota(env, service.id, { ruleId: listener.defaultRuleId, action });
  const rule = env.store.get('rule', listener.defaultRuleId);
  if (rule) {
    rule.action = action;
    touch(env, rule);
  }
  touch(env, listener);
  return view(env, listener);
};

const remove: Handler = (env, input) => {
  const { service, listener } = resolveListener(
    env,
    input.serviceIdentifier as string,
    input.listenerIdentifier as string,
  );
  requireOwner(env, service);
  for (const r of env.store.rulesOf(listener.id)) env.store.remove('rule', r.id);
  env.store.remove('listener', listener.id);
  return {};
};

/** Handlers by operation name. */
export const listenerHandlers: Record<string, Handler> = {
  CreateListener: create,
  GetListener: get,
  ListListeners: list,
  UpdateListener: update,
  DeleteListener: remove,
};
