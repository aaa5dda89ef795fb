/**
 * A plan's tags on its rule or listener (ListTagsForResource / TagResource). The tags are the only
 * state of a running plan: any replica can read them and carry on.
 */
import 'server-only';
import { canaryResourceArn, type CanaryLease, type CanaryPlan, type CanaryState, type CanaryTarget } from './plan';
import { CANARY_TAGS, decodeLease, decodePlan, decodeState, encodeLease, encodePlan, encodeState } from './tagCodec';
import { latticeOf, type RoutingContext } from '../context';

/** A plan as its tags say (each part absent when missing or malformed). */
export interface CanaryTags {
  plan?: CanaryPlan;
  state?: CanaryState;
  lease?: CanaryLease;
}

/** Reads the plan, state and lease tags of a target. */
export async function readCanaryTags(ctx: RoutingContext, target: CanaryTarget): Promise<CanaryTags> {
  const arn = canaryResourceArn(target);
  const tags = await latticeOf(ctx, arn).listTags(arn);
  const plan = decodePlan(tags[CANARY_TAGS.plan]);
  const state = decodeState(tags[CANARY_TAGS.state]);
  const lease = decodeLease(tags[CANARY_TAGS.lease]);
  // A state of another plan than the tagged one is not this plan's.
  return {
    ...(plan ? { plan } : {}),
    ...(state && (!plan || state.planId === plan.id) ? { state } : {}),
    ...(lease ? { lease } : {}),
  };
}

/** Writes some of the tags (the others stay). */
export async function writeCanaryTags(ctx: RoutingContext, target: CanaryTarget, t: CanaryTags): Promise<void> {
  const arn = canaryResourceArn(target);
  const tags: Record<string, string> = {};
  if (t.plan) tags[CANARY_TAGS.plan] = encodePlan(t.plan);
  if (t.state) tags[CANARY_TAGS.state] = encodeState(t.state);
  if (t.lease) tags[CANARY_TAGS.lease] = encodeLease(t.lease);
  await latticeOf(ctx, arn).tagResource(arn, tags);
}
