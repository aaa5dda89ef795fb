/** CreateLogGroup, DeleteLogGroup, DescribeLogGroups, PutRetentionPolicy, DeleteRetentionPolicy. */
import { violationMessage } from '../../core/awsError';
import type { LogGroup } from '../store';
import type { GroupOptions } from '../store/group';
import { groupByIdentifier, groupByName, invalidParameter, logsError, page, type Handler } from './common';

/** The retention values the service accepts (documentation of the `Days` shape). */
export const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

function describeGroup(g: LogGroup, brief: boolean): Record<string, unknown> {
  if (brief) return { logGroupName: g.name, creationTime: g.creationTime, arn: g.arn };
  return {
    logGroupName: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays !== undefined ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: g.arn,
    storedBytes: g.storedBytes,
    ...(g.kmsKeyId !== undefined ? { kmsKeyId: g.kmsKeyId } : {}),
    logGroupClass: g.logGroupClass,
    logGroupArn: g.logGroupArn,
    ...(g.deletionProtectionEnabled ? { deletionProtectionEnabled: true } : {}),
  };
}

const createLogGroup: Handler = (state, ctx, input) => {
  const name = input.logGroupName as string;
  const opts: GroupOptions = {};
  if (input.logGroupClass !== undefined) opts.logGroupClass = input.logGroupClass as GroupOptions['logGroupClass'];
  if (input.kmsKeyId !== undefined) opts.kmsKeyId = input.kmsKeyId as string;
  if (input.tags !== undefined) opts.tags = input.tags as Record<string, string>;
  if (input.deletionProtectionEnabled === true) opts.deletionProtectionEnabled = true;
  if (!state.logs.createGroup(ctx.accountId, ctx.region, name, ctx.now, opts))
    throw logsError('ResourceAlreadyExistsException', 'The specified log group already exists');
  return undefined;
};

const deleteLogGroup: Handler = (state, ctx, input) => {
  const g = groupByName(state, ctx, input.logGroupName as string);
  if (g.deletionProtectionEnabled)
    throw logsError(
      'ValidationException',
      `Log group ${g.name} has deletion protection enabled; disable it before deleting the log group.`,
    );
  state.logs.deleteGroup(ctx.accountId, ctx.region, g.name);
  return undefined;
};

const describeLogGroups: Handler = (state, ctx, input) => {
  const prefix = input.logGroupNamePrefix as string | undefined;
  const pattern = input.logGroupNamePattern as string | undefined;
  const ids = input.logGroupIdentifiers as string[] | undefined;
  const cls = input.logGroupClass as string | undefined;
  if (prefix !== undefined && pattern !== undefined)
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  if (ids !== undefined && (prefix !== undefined || pattern !== undefined || cls !== undefined)) {
    throw invalidParameter(
      'logGroupIdentifiers cannot be combined with logGroupNamePrefix, logGroupNamePattern or logGroupClass.',
    );
  }
  const accounts =
    input.includeLinkedAccounts === true ? (input.accountIdentifiers as string[] | undefined) : undefined;
  let groups = state.logs.groups(ctx.accountId, ctx.region);
  if (accounts && accounts.length > 0 && !accounts.includes(ctx.accountId)) groups = [];
  if (prefix !== undefined) groups = groups.filter((g) => g.name.startsWith(prefix));
  if (pattern !== undefined) groups = groups.filter((g) => g.name.includes(pattern));
  if (cls !== undefined) groups = groups.filter((g) => g.logGroupClass === cls);
  if (ids !== undefined) {
    const wanted = new Set<LogGroup>();
    for (const id of ids) {
      try {
        wanted.add(groupByIdentifier(state, ctx, id));
      } catch {
        // Identifiers of groups that do not exist simply match nothing, as a filter does.
      }
    }
    groups = groups.filter((g) => wanted.has(g));
  }
  for (const g of groups) g.enforceRetention(ctx.now);
  const scope =
    `DescribeLogGroups:${ctx.accountId}:${ctx.region}:${prefix ?? ''}:${pattern ?? ''}:${cls ?? ''}:` +
    `${(ids ?? []).join(',')}:${(accounts ?? []).join(',')}`;
  const p = page(
    state.paginator,
    scope,
    groups,
    (g) => g.name,
    input.limit as number | undefined,
    input.nextToken as string | undefined,
    50,
  );
  return {
    logGroups: p.items.map((g) => describeGroup(g, pattern !== undefined)),
    ...(p.nextToken ? { nextToken: p.nextToken } : {}),
  };
};

const putRetentionPolicy: Handler = (state, ctx, input) => {
  const days = input.retentionInDays as number;
  if (!RETENTION_DAYS.includes(days)) {
    throw invalidParameter(
      violationMessage([
        {
          name: 'retentionInDays',
          value: `'${days}'`,
          message: `Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
        },
      ]),
    );
  }
  const g = groupByName(state, ctx, input.logGroupName as string);
  g.retentionInDays = days;
  g.enforceRetention(ctx.now);
  return undefined;
};

const deleteRetentionPolicy: Handler = (state, ctx, input) => {
  groupByName(state, ctx, input.logGroupName as string).retentionInDays = undefined;
  return undefined;
};

/** Handlers by operation name. */
export const groupHandlers: Record<string, Handler> = {
  CreateLogGroup: createLogGroup,
  DeleteLogGroup: deleteLogGroup,
  DescribeLogGroups: describeLogGroups,
  PutRetentionPolicy: putRetentionPolicy,
  DeleteRetentionPolicy: deleteRetentionPolicy,
};
