/**
 * Auth policies (by network or service id/ARN; Active only under authType AWS_IAM) and resource
 * policies (by ARN of a network, service or resource configuration: what AWS RAM sharing writes).
 * Only the resource owner reads or writes them. Policies must be JSON documents with a Statement;
 * auth policies are limited to 10 KB (the AWS quota).
 */
import { notFound, validationError } from '../errors';
import { parseArn } from '../arns';
import type { PolicyRecord } from '../types';
import { requireOwner, resolve, resolveNetworkOrService, type Env, type Handler } from './common';

/** Maximum size of an auth policy (quota "Auth policy size"). */
export const MAX_AUTH_POLICY_BYTES = 10 * 1024;

/** ValidationException unless `policy` is a JSON policy document. */
export function checkPolicyDocument(policy: string, field = 'policy'): void {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    throw validationError('The policy is not valid JSON', [
      { name: field, message: 'Member must be a valid JSON policy document' },
    ]);
  }
  const statement =
    doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>).Statement : undefined;
  if (!statement || typeof statement !== 'object') {
    throw validationError('The policy document has no Statement', [
      { name: field, message: 'A policy document needs a Statement' },
    ]);
  }
}

function put(map: Map<string, PolicyRecord>, arn: string, policy: string, now: number): PolicyRecord {
  const prior = map.get(arn);
  const rec = { policy, createdAt: prior?.createdAt ?? now, lastUpdatedAt: now };
  map.set(arn, rec);
  return rec;
}

function ownedByArn(env: Env, arn: string) {
  const kind = parseArn(arn)?.kind;
  if (kind !== 'service' && kind !== 'servicenetwork' && kind !== 'resourceconfiguration')
    throw notFound('SERVICE', arn, `No service network, service or resource configuration '${arn}'`);
  const rec = resolve(env, kind, arn);
  requireOwner(env, rec);
  return rec;
}

const getAuth: Handler = (env, input) => {
  const { record } = resolveNetworkOrService(env, input.resourceIdentifier as string);
  requireOwner(env, record);
  const p = env.store.authPolicyOf(record.arn);
  return p ? { ...p } : { state: record.authType === 'AWS_IAM' ? 'Active' : 'Inactive' };
};

const putAuth: Handler = (env, input) => {
  const { record } = resolveNetworkOrService(env, input.resourceIdentifier as string);
  requireOwner(env, record);
  const policy = input.policy as string;
  if (Buffer.byteLength(policy, 'utf8') > MAX_AUTH_POLICY_BYTES) {
    throw validationError(
      `The auth policy is ${Buffer.byteLength(policy, 'utf8')} bytes; the limit is ${MAX_AUTH_POLICY_BYTES}`,
      [{ name: 'policy', message: `Member must be at most ${MAX_AUTH_POLICY_BYTES} bytes` }],
    );
  }
  checkPolicyDocument(policy);
  put(env.store.authPolicies, record.arn, policy, env.now);
  return { policy, state: record.authType === 'AWS_IAM' ? 'Active' : 'Inactive' };
};

const deleteAuth: Handler = (env, input) => {
  const { record } = resolveNetworkOrService(env, input.resourceIdentifier as string);
  requireOwner(env, record);
  env.store.authPolicies.delete(record.arn);
  return {};
};

const getResource: Handler = (env, input) => {
  const rec = ownedByArn(env, input.resourceArn as string);
  const p = env.store.resourcePolicies.get(rec.arn);
  return p ? { policy: p.policy } : {};
};

const putResource: Handler = (env, input) => {
  const rec = ownedByArn(env, input.resourceArn as string);
  checkPolicyDocument(input.policy as string);
  put(env.store.resourcePolicies, rec.arn, input.policy as string, env.now);
  return {};
};

const deleteResource: Handler = (env, input) => {
  const rec = ownedByArn(env, input.resourceArn as string);
  env.store.resourcePolicies.delete(rec.arn);
  return {};
};

/** Handlers by operation name. */
export const policyHandlers: Record<string, Handler> = {
  GetAuthPolicy: getAuth,
  PutAuthPolicy: putAuth,
  DeleteAuthPolicy: deleteAuth,
  GetResourcePolicy: getResource,
  PutResourcePolicy: putResource,
  DeleteResourcePolicy: deleteResource,
};
