/**
 * Listener rules. Priorities are unique per listener; the default rule is listed but only editable
 * through UpdateListener. UpdateRule replaces the whole `match`/`action` it is given.
 */
import type { AwsError } from '../../core/awsError';
import { conflict, notFound, quotaExceeded, validationError } from '../errors';
import type { RuleAction, RuleMatch, RuleRecord } from '../types';
import { checkMatch, checkTargetGroupQuota, normaliseAction } from './actions';
import {
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
import { resolveListener } from './listeners';

/** Quota code of "Rules per listener". */
export const RULES_PER_LISTENER_QUOTA = 'L-9A8B6C5D';

/** The wire view of a rule. */
export function ruleView(r: RuleRecord): Output {
  return { ...r };
}

/** A rule of a listener by id or ARN; ResourceNotFound if it belongs to another listener. */
export function resolveRule(env: Env, listenerId: string, ruleIdentifier: string): RuleRecord {
  const rule = resolve(env, 'rule', ruleIdentifier);
  if (rule.listenerId !== listenerId)
    throw notFound('RULE', ruleIdentifier, `Rule '${ruleIdentifier}' was not found in listener ${listenerId}`);
  return rule;
}

/** ValidationException for edits of the default rule (AWS edits it through UpdateListener). */
export function defaultRuleError(rule: RuleRecord): AwsError {
  return validationError(
    `Rule ${rule.id} is the default rule of its listener; change the default action with UpdateListener`,
    [{ name: 'ruleIdentifier', message: 'The default rule cannot be modified or deleted with rule operations' }],
  );
}

/** A rule that would take a priority already used by another rule of the listener. */
export function priorityTaken(env: Env, listenerId: string, priority: number, selfId?: string): RuleRecord | undefined {
  return env.store.rulesOf(listenerId).find((r) => !r.isDefault && r.priority === priority && r.id !== selfId);
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'RULE', () => {
    const { service, listener } = resolveListener(
      env,
      input.serviceIdentifier as string,
      input.listenerIdentifier as string,
    );
    requireOwner(env, service);
    if (listener.protocol === 'TLS_PASSTHROUGH')
      throw validationError(`Listener ${listener.id} uses TLS_PASSTHROUGH, which supports only its default action`, [
        { name: 'listenerIdentifier', message: 'TLS_PASSTHROUGH listeners have no rules' },
      ]);
    const rules = env.store.rulesOf(listener.id).filter((r) => !r.isDefault);
    const name = input.name as string;
    const priority = input.priority as number;
    const sameName = rules.find((r) => r.name === name);
    if (sameName)
      throw conflict(
        'RULE',
        sameName.id,
        `Listener ${listener.id} already has a rule named '${name}' (${sameName.id})`,
      );
    const samePriority = priorityTaken(env, listener.id, priority);
    if (samePriority)
      throw conflict(
        'RULE',
        samePriority.id,
        `Priority ${priority} is already used by rule ${samePriority.id} of listener ${listener.id}`,
      );
    if (rules.length >= env.store.quotas.rulesPerListener) {
      throw quotaExceeded(
        'RULE',
        RULES_PER_LISTENER_QUOTA,
        `Listener ${listener.id} already has ${rules.length} rules, the quota of rules per listener`,
        listener.id,
      );
    }
    const match = checkMatch(input.match as RuleMatch, 'match');
    const action = normaliseAction(env, listener, input.action as RuleAction, 'action');
    checkTargetGroupQuota(env, service.id, { action });
    const rule: RuleRecord = {
      ...newRecord(env, 'rule', input.tags, { serviceId: service.id, listenerId: listener.id }),
      serviceId: service.id,
      listenerId: listener.id,
      name,
      isDefault: false,
      priority,
      match,
      action,
    };
    env.store.put('rule', rule);
    return ruleView(rule);
  });

const get: Handler = (env, input) => {
  const { listener } = resolveListener(env, input.serviceIdentifier as string, input.listenerIdentifier as string);
  return ruleView(resolveRule(env, listener.id, input.ruleIdentifier as string));
};

const list: Handler = (env, input) => {
  const { listener } = resolveListener(env, input.serviceIdentifier as string, input.listenerIdentifier as string);
  // Evaluation order: priorities ascending, the default rule last.
  const key = (r: RuleRecord) => (r.isDefault ? '9999' : String(r.priority ?? 0).padStart(4, '0'));
  const page = paginate(env, input, [listener.id], env.store.rulesOf(listener.id), key);
  return { items: page.items.map(ruleView), ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const { service, listener } = resolveListener(
    env,
    input.serviceIdentifier as string,
    input.listenerIdentifier as string,
  );
  requireOwner(env, service);
  const rule = resolveRule(env, listener.id, input.ruleIdentifier as string);
  if (rule.isDefault) throw defaultRuleError(rule);
  if (input.match === undefined && input.priority === undefined && input.action === undefined) {
    throw validationError('UpdateRule needs at least one of match, priority or action', [
      { name: 'match', message: 'At least one of match, priority or action must be specified' },
    ]);
  }
  const match = input.match !== undefined ? checkMatch(input.match as RuleMatch, 'match') : undefined;
  const action =
    input.action !== undefined ? normaliseAction(env, listener, input.action as RuleAction, 'action') : undefined;
  if (input.priority !== undefined) {
    const taken = priorityTaken(env, listener.id, input.priority as number, rule.id);
    if (taken)
      throw conflict(
        'RULE',
        taken.id,
        `Priority ${String(input.priority)} is already used by rule ${taken.id} of listener ${listener.id}`,
      );
  }
  if (action) checkTargetGroupQuota(env, service.id, { ruleId: rule.id, action });
  if (match) rule.match = match;
  if (action) rule.action = action;
  if (input.priority !== undefined) rule.priority = input.priority as number;
  touch(env, rule);
  return ruleView(rule);
};

const remove: Handler = (env, input) => {
  const { service, listener } = resolveListener(
    env,
    input.serviceIdentifier as string,
    input.listenerIdentifier as string,
  );
  requireOwner(env, service);
  const rule = resolveRule(env, listener.id, input.ruleIdentifier as string);
  if (rule.isDefault) throw defaultRuleError(rule);
  env.store.remove('rule', rule.id);
  return {};
};

/** Handlers by operation name. */
export const ruleHandlers: Record<string, Handler> = {
  CreateRule: create,
  GetRule: get,
  ListRules: list,
  UpdateRule: update,
  DeleteRule: remove,
};
