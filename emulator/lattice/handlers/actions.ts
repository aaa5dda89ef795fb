/**
 * Rule actions and matches beyond what the model checks: forward actions reference existing target
 * groups of the caller (stored by id), compatible with the listener protocol, within the quota of
 * target groups per service; matches name at least one condition.
 */
import { fieldError, notFound, quotaExceeded } from '../errors';
import type { ListenerRecord, RuleAction, RuleMatch, TargetGroupRecord, WeightedTargetGroup } from '../types';
import { resolve, type Env } from './common';

/** Quota code of "Target groups per service". */
export const TARGET_GROUPS_PER_SERVICE_QUOTA = 'L-B1F3E9A2';

/** Weight of a forward target group when the caller gives none. */
export const DEFAULT_WEIGHT = 1;

/** Validates a rule action for a listener and returns it normalised (target groups by id, weights set). */
export function normaliseAction(
  env: Env,
  listener: Pick<ListenerRecord, 'protocol'>,
  action: RuleAction,
  field: string,
): RuleAction {
  if (action.fixedResponse) {
    if (listener.protocol === 'TLS_PASSTHROUGH')
      throw fieldError(
        `${field}.fixedResponse`,
        'fixedResponse',
        'TLS_PASSTHROUGH listeners support only forward actions',
      );
    return { fixedResponse: { statusCode: action.fixedResponse.statusCode } };
  }
  const given = action.forward?.targetGroups ?? [];
  const seen = new Set<string>();
  const targetGroups: WeightedTargetGroup[] = given.map((wtg, i) => {
    const path = `${field}.forward.targetGroups[${i}].targetGroupIdentifier`;
    let tg: TargetGroupRecord;
    try {
      tg = resolve(env, 'targetgroup', wtg.targetGroupIdentifier);
    } catch {
      throw notFound(
        'TARGET_GROUP',
        wtg.targetGroupIdentifier,
        `Target group '${wtg.targetGroupIdentifier}' (${path}) was not found in account ${env.account} ${env.region}`,
      );
    }
    if (seen.has(tg.id))
      throw fieldError(path, wtg.targetGroupIdentifier, 'A target group can appear only once in a forward action');
    seen.add(tg.id);
    const tcp = tg.config.protocol === 'TCP';
    if (listener.protocol === 'TLS_PASSTHROUGH' && !tcp)
      throw fieldError(path, wtg.targetGroupIdentifier, 'TLS_PASSTHROUGH listeners forward only to TCP target groups');
    if (listener.protocol !== 'TLS_PASSTHROUGH' && tcp)
      throw fieldError(
        path,
        wtg.targetGroupIdentifier,
        `${listener.protocol} listeners cannot forward to TCP target groups`,
      );
    return { targetGroupIdentifier: tg.id, weight: wtg.weight ?? DEFAULT_WEIGHT };
  });
  return { forward: { targetGroups } };
}

/** ServiceQuotaExceeded when a service would forward to more distinct target groups than the quota. */
export function checkTargetGroupQuota(
  env: Env,
  serviceId: string,
  change: { ruleId?: string; action: RuleAction },
  others: ReadonlyMap<string, RuleAction> = new Map(),
): void {
  const overrides = new Map(others);
  if (change.ruleId) overrides.set(change.ruleId, change.action);
  const ids = env.store.targetGroupIdsOf(serviceId, overrides);
  for (const tg of change.action.forward?.targetGroups ?? []) ids.add(tg.targetGroupIdentifier);
  if (ids.size > env.store.quotas.targetGroupsPerService) {
    throw quotaExceeded(
      'TARGET_GROUP',
      TARGET_GROUPS_PER_SERVICE_QUOTA,
      `Service ${serviceId} would forward to ${ids.size} target groups; the quota is ` +
        `${env.store.quotas.targetGroupsPerService} per service`,
      serviceId,
    );
  }
}

/** Validates a rule match: an httpMatch with at least one condition. */
export function checkMatch(match: RuleMatch, field: string): RuleMatch {
  const m = match.httpMatch ?? {};
  if (m.method === undefined && m.pathMatch === undefined && (m.headerMatches ?? []).length === 0) {
    throw fieldError(`${field}.httpMatch`, m, 'Member must specify at least one of method, pathMatch or headerMatches');
  }
  return JSON.parse(JSON.stringify(match)) as RuleMatch;
}
