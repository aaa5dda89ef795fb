/**
 * What every Logs handler shares: the model, AWS errors with the model's status codes, resolving a
 * log group from `logGroupName`/`logGroupIdentifier` (name or ARN, own account and region only),
 * and reading pagination tokens.
 */
import type { AwsError } from '../../core/awsError';
import { asModel } from '../../core/model';
import { BadTokenError, type Paginator } from '../../core/pagination';
import { modelError } from '../../core/protocolErrors';
import type { CallContext } from '../../core/service';
import type { EmulatorState } from '../../state';
import modelJson from '../generated/model.json';
import { parseLogGroupArn, type LogGroup } from '../store';
import type { LogStream } from '../store/stream';

/** The CloudWatch Logs model tables. */
export const logsModel = asModel(modelJson);

/** An AWS error of the Logs model (status from the model, 400 by default). */
export function logsError(code: string, message: string, fields: Record<string, unknown> = {}): AwsError {
  return modelError(logsModel, code, message, fields);
}

/** InvalidParameterException. */
export function invalidParameter(message: string): AwsError {
  return logsError('InvalidParameterException', message);
}

/** ResourceNotFoundException. */
export function notFound(message: string): AwsError {
  return logsError('ResourceNotFoundException', message);
}

/** The handler signature: validated input in, output structure (or undefined for no output) out. */
export type Handler = (state: EmulatorState, ctx: CallContext, input: Record<string, unknown>) => unknown;

/** A log group of the caller by name, or ResourceNotFoundException. */
export function groupByName(state: EmulatorState, ctx: CallContext, name: string): LogGroup {
  const g = state.logs.group(ctx.accountId, ctx.region, name);
  if (!g) throw notFound('The specified log group does not exist.');
  g.enforceRetention(ctx.now);
  return g;
}

/**
 * A log group from a name or an ARN (with or without `:*`). ARNs of other accounts or regions are
 * not visible (the emulator has no cross-account observability links).
 */
export function groupByIdentifier(state: EmulatorState, ctx: CallContext, identifier: string): LogGroup {
  if (!identifier.startsWith('arn:')) return groupByName(state, ctx, identifier);
  const arn = parseLogGroupArn(identifier);
  if (!arn)
    throw invalidParameter(
      `Invalid log group identifier '${identifier}': expected a log group name or ` +
        `arn:aws:logs:<region>:<account-id>:log-group:<name>`,
    );
  if (arn.accountId !== ctx.accountId || arn.region !== ctx.region)
    throw notFound('The specified log group does not exist.');
  return groupByName(state, ctx, arn.name);
}

/** The group of an input with exactly one of `logGroupName` and `logGroupIdentifier`. */
export function groupOf(
  state: EmulatorState,
  ctx: CallContext,
  input: { logGroupName?: unknown; logGroupIdentifier?: unknown },
): LogGroup {
  const name = input.logGroupName as string | undefined;
  const id = input.logGroupIdentifier as string | undefined;
  if (name !== undefined && id !== undefined)
    throw invalidParameter('LogGroupName and LogGroupIdentifier are mutually exclusive; specify only one of them.');
  if (name === undefined && id === undefined)
    throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  return name !== undefined ? groupByName(state, ctx, name) : groupByIdentifier(state, ctx, id as string);
}

/** A stream of a group, or ResourceNotFoundException. */
export function streamOf(group: LogGroup, name: string): LogStream {
  const s = group.streams.get(name);
  if (!s) throw notFound('The specified log stream does not exist.');
  return s;
}

/** The cursor of a token issued for `scope`; InvalidParameterException for a forged or foreign token. */
export function cursorOf(paginator: Paginator, scope: string, token: string): string {
  try {
    return paginator.cursor(scope, token);
  } catch (e) {
    if (e instanceof BadTokenError) throw invalidParameter('The specified nextToken is invalid.');
    throw e;
  }
}

/** `paginator.page` with forged tokens answered as InvalidParameterException. */
export function page<T>(
  paginator: Paginator,
  scope: string,
  items: readonly T[],
  key: (item: T) => string,
  limit: number | undefined,
  token: string | undefined,
  defaultMax: number,
): { items: T[]; nextToken?: string } {
  try {
    return paginator.page(scope, items, key, limit, token, defaultMax);
  } catch (e) {
    if (e instanceof BadTokenError) throw invalidParameter('The specified nextToken is invalid.');
    throw e;
  }
}

/** A key whose ascending string order is the descending order of `s` (for descending pagination). */
export function descendingKey(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(0xfffe - s.charCodeAt(i));
  return `${out}\uffff`;
}
