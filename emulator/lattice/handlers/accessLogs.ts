/**
 * Access-log subscriptions of service networks and services, owned by the resource owner. One
 * subscription per destination type (CloudWatch Logs, S3, Firehose) per resource (and log type).
 */
import { conflict, fieldError, validationError } from '../errors';
import type { AccessLogSubscriptionRecord } from '../types';
import {
  idempotent,
  newRecord,
  paginate,
  requireOwner,
  resolve,
  resolveNetworkOrService,
  touch,
  type Handler,
} from './common';

type DestinationType = 'logs' | 's3' | 'firehose';

/** The destination service of an ARN, or a ValidationException. */
function destinationType(arn: string, field: string): DestinationType {
  if (/^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[\w#/.-]{1,512}(?::\*)?$/.test(arn)) return 'logs';
  if (/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](?:\/.*)?$/.test(arn)) return 's3';
  if (/^arn:aws[a-z-]*:firehose:[a-z0-9-]+:\d{12}:deliverystream\/[\w.-]{1,64}$/.test(arn)) return 'firehose';
  throw fieldError(
    field,
    arn,
    'The destination must be the ARN of a CloudWatch Logs log group, an S3 bucket or a Firehose delivery stream',
  );
}

const create: Handler = (env, input) =>
  idempotent(env, input, 'ACCESS_LOG_SUBSCRIPTION', () => {
    const { kind, record } = resolveNetworkOrService(env, input.resourceIdentifier as string);
    requireOwner(env, record);
    const destinationArn = input.destinationArn as string;
    const type = destinationType(destinationArn, 'destinationArn');
    if (kind === 'service' && input.serviceNetworkLogType !== undefined) {
      throw validationError('serviceNetworkLogType applies only to service networks', [
        { name: 'serviceNetworkLogType', message: 'Only supported for service networks' },
      ]);
    }
    const logType =
      kind === 'servicenetwork'
        ? ((input.serviceNetworkLogType as 'SERVICE' | 'RESOURCE' | undefined) ?? 'SERVICE')
        : undefined;
    const clash = env.store
      .accessLogSubscriptionsOf(record.arn)
      .find((s) => destinationType(s.destinationArn, 'destinationArn') === type && s.serviceNetworkLogType === logType);
    if (clash)
      throw conflict(
        'ACCESS_LOG_SUBSCRIPTION',
        clash.id,
        `${record.id} already has an access-log subscription to a ${type} destination (${clash.id})`,
      );
    const als: AccessLogSubscriptionRecord = {
      ...newRecord(env, 'accesslogsubscription', input.tags),
      resourceId: record.id,
      resourceArn: record.arn,
      destinationArn,
      ...(logType ? { serviceNetworkLogType: logType } : {}),
    };
    env.store.put('accesslogsubscription', als);
    return { ...als };
  });

const get: Handler = (env, input) => ({
  ...resolve(env, 'accesslogsubscription', input.accessLogSubscriptionIdentifier as string),
});

const list: Handler = (env, input) => {
  const { record } = resolveNetworkOrService(env, input.resourceIdentifier as string);
  // Subscriptions belong to the resource owner; a consumer of a shared network sees none of them.
  const rows = env.store.accessLogSubscriptionsOf(record.arn).filter((s) => s.accountId === env.account);
  const page = paginate(env, input, [record.id], rows, (s) => s.id);
  return { items: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
};

const update: Handler = (env, input) => {
  const als = resolve(env, 'accesslogsubscription', input.accessLogSubscriptionIdentifier as string);
  requireOwner(env, als);
  const destinationArn = input.destinationArn as string;
  const before = destinationType(als.destinationArn, 'destinationArn');
  const after = destinationType(destinationArn, 'destinationArn');
  if (before !== after)
    throw fieldError(
      'destinationArn',
      destinationArn,
      `The destination type cannot change (${before} → ${after}); create a new subscription instead`,
    );
  als.destinationArn = destinationArn;
  touch(env, als);
  return { ...als };
};

const remove: Handler = (env, input) => {
  const als = resolve(env, 'accesslogsubscription', input.accessLogSubscriptionIdentifier as string);
  requireOwner(env, als);
  env.store.remove('accesslogsubscription', als.id);
  return {};
};

/** Handlers by operation name. */
export const accessLogHandlers: Record<string, Handler> = {
  CreateAccessLogSubscription: create,
  GetAccessLogSubscription: get,
  ListAccessLogSubscriptions: list,
  UpdateAccessLogSubscription: update,
  DeleteAccessLogSubscription: remove,
};
