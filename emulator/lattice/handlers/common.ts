/**
 * What every Lattice handler shares: the call environment, identifier resolution (id or ARN,
 * visibility across accounts), ownership checks, idempotency tokens, pagination and tag rules.
 */
import { BadTokenError } from '../../core/pagination';
import type { CallContext } from '../../core/service';
import type { EmulatorState } from '../../state';
import { arnOf, newId, parseArn } from '../arns';
import { accessDenied, conflict, fieldError, notFound, validationError, type ErrorResourceType } from '../errors';
import type { LatticeStore, RecordOf } from '../store';
import type { OwnedRecord, ResourceKind } from '../types';

/** One call as handlers see it. */
export interface Env {
  state: EmulatorState;
  store: LatticeStore;
  ctx: CallContext;
  account: string;
  region: string;
  now: number;
  operation: string;
}

/** Validated input of an operation (members by name). */
export type Input = Record<string, unknown>;
/** Output of an operation, rendered by the codec through the output shape. */
export type Output = Record<string, unknown>;
/** A handler of one operation. */
export type Handler = (env: Env, input: Input) => Output;

/** Error resource type per kind. */
export const RESOURCE_TYPE: Record<ResourceKind, ErrorResourceType> = {
  servicenetwork: 'SERVICE_NETWORK',
  service: 'SERVICE',
  listener: 'LISTENER',
  rule: 'RULE',
  targetgroup: 'TARGET_GROUP',
  servicenetworkserviceassociation: 'SERVICE_NETWORK_SERVICE_ASSOCIATION',
  servicenetworkvpcassociation: 'SERVICE_NETWORK_VPC_ASSOCIATION',
  accesslogsubscription: 'ACCESS_LOG_SUBSCRIPTION',
  resourcegateway: 'RESOURCE_GATEWAY',
  resourceconfiguration: 'RESOURCE_CONFIGURATION',
  servicenetworkresourceassociation: 'SERVICE_NETWORK_RESOURCE_ASSOCIATION',
  resourceendpointassociation: 'RESOURCE_ENDPOINT_ASSOCIATION',
  servicenetworkendpointassociation: 'SERVICE_NETWORK_ENDPOINT_ASSOCIATION',
  domainverification: 'DOMAIN_VERIFICATION',
};

/** A resource by id or ARN, visible to the caller in the caller's region; ResourceNotFound otherwise. */
export function resolve<K extends ResourceKind>(env: Env, kind: K, identifier: string): RecordOf[K] {
  const isArn = identifier.startsWith('arn:');
  const parsed = isArn ? parseArn(identifier) : undefined;
  if (isArn && parsed?.kind !== kind) throw notFound(RESOURCE_TYPE[kind], identifier);
  const rec = env.store.get(kind, parsed?.id ?? identifier);
  if (
    !rec ||
    rec.region !== env.region ||
    (isArn && rec.arn !== identifier) ||
    !env.store.canSee(env.account, kind, rec)
  ) {
    throw notFound(RESOURCE_TYPE[kind], identifier);
  }
  return rec;
}

/** A network or service from a `ResourceIdentifier` (id or ARN of either). */
export function resolveNetworkOrService(
  env: Env,
  identifier: string,
): { kind: 'servicenetwork' | 'service'; record: RecordOf['servicenetwork'] | RecordOf['service'] } {
  const kind = identifier.startsWith('arn:')
    ? parseArn(identifier)?.kind
    : identifier.startsWith('svc-')
      ? 'service'
      : identifier.startsWith('sn-')
        ? 'servicenetwork'
        : undefined;
  // The model's identifier pattern admits resource configurations, but the API reference documents these
  // operations (access-log subscriptions, auth policies) for service networks and services only.
  if (identifier.includes('rcfg-'))
    throw validationError('This operation applies to service networks and services, not resource configurations', [
      { name: 'resourceIdentifier', message: 'Must be the ID or ARN of a service network or a service' },
    ]);
  if (kind === 'service') return { kind, record: resolve(env, 'service', identifier) };
  if (kind === 'servicenetwork') return { kind, record: resolve(env, 'servicenetwork', identifier) };
  throw notFound('SERVICE', identifier, `No service network or service '${identifier}'`);
}

/** AccessDenied unless the caller owns the resource (shared resources are read-only to others). */
export function requireOwner(env: Env, rec: OwnedRecord, ...alsoAllowed: Array<string | undefined>): void {
  if (rec.accountId === env.account || alsoAllowed.includes(env.account)) return;
  throw accessDenied(env.ctx.principal.arn, env.operation, rec.arn, rec.accountId);
}

/** The common fields of a new resource owned by the caller. */
export function newRecord(
  env: Env,
  kind: ResourceKind,
  tags: unknown,
  parents: { serviceId?: string; listenerId?: string } = {},
): OwnedRecord {
  const id = newId(env.state.rng, kind);
  return {
    id,
    arn: arnOf(env.region, env.account, kind, id, parents),
    accountId: env.account,
    region: env.region,
    createdAt: env.now,
    lastUpdatedAt: env.now,
    tags: checkTags(tags),
  };
}

/** Maximum tags per resource (AWS tagging limit). */
export const MAX_TAGS = 50;

/** Validates a tag map (≤ 50 tags, no `aws:` keys); returns a copy. */
export function checkTags(tags: unknown, field = 'tags'): Record<string, string> {
  const map = (tags ?? {}) as Record<string, string>;
  const keys = Object.keys(map);
  if (keys.length > MAX_TAGS)
    throw fieldError(field, `${keys.length} tags`, `Member must have length less than or equal to ${MAX_TAGS}`);
  const reserved = keys.find((k) => k.toLowerCase().startsWith('aws:'));
  if (reserved)
    throw fieldError(`${field}.${reserved}`, reserved, "Tag keys starting with 'aws:' are reserved for AWS use");
  return { ...map };
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a Create once per clientToken: a retry with the same parameters gets the first answer, a
 * reuse with other parameters a ConflictException.
 */
export function idempotent(env: Env, input: Input, resourceType: ErrorResourceType, create: () => Output): Output {
  const token = input.clientToken;
  if (typeof token !== 'string') return create();
  const key = `${env.account}|${env.region}|${env.operation}|${token}`;
  const { clientToken: _ignored, ...params } = input;
  const fingerprint = stable(params);
  const prior = env.store.idempotency.get(key);
  if (prior) {
    if (prior.fingerprint !== fingerprint)
      throw conflict(
        prior.resourceType as ErrorResourceType,
        prior.resourceArn,
        `The client token '${token}' was already used with different parameters for ${env.operation}`,
      );
    return prior.output;
  }
  const output = create();
  env.store.idempotency.set(key, {
    fingerprint,
    resourceArn: String(output.arn ?? ''),
    resourceType,
    output: JSON.parse(JSON.stringify(output)) as Output,
  });
  return output;
}

/** One page of a List call; the scope holds the caller, region, operation and every filter. */
export function paginate<T>(
  env: Env,
  input: Input,
  filters: ReadonlyArray<string | undefined>,
  items: readonly T[],
  key: (item: T) => string,
): { items: T[]; nextToken?: string } {
  const scope = [env.operation, env.account, env.region, ...filters.map((f) => f ?? '-')].join('|');
  try {
    return env.state.paginator.page(
      scope,
      items,
      key,
      input.maxResults as number | undefined,
      input.nextToken as string | undefined,
    );
  } catch (e) {
    if (e instanceof BadTokenError)
      throw validationError('The nextToken is invalid or expired, or belongs to another query', [
        { name: 'nextToken', message: 'Invalid pagination token' },
      ]);
    throw e;
  }
}

/** Whether the value is a name already used by a record of `rows` (excluding `selfId`). */
export function nameTaken(
  rows: ReadonlyArray<{ id: string; name: string }>,
  name: string,
  selfId?: string,
): { id: string } | undefined {
  return rows.find((r) => r.name === name && r.id !== selfId);
}

/** Sort key of a named resource: name, then id. */
export function byName(r: { name: string; id: string }): string {
  return `${r.name}|${r.id}`;
}

/** Marks a record updated. */
export function touch(env: Env, rec: OwnedRecord): void {
  rec.lastUpdatedAt = env.now;
}
