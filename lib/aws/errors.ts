/**
 * AWS SDK errors → `TrellisError`. The message keeps AWS's own words (they name the action, the
 * principal and the resource) and adds where it happened and what to try next.
 */
import 'server-only';
import { isTrellisError, TrellisError, type ErrorCode } from '../domain/errors';

/** Where a call was made, to name it in the error. */
export interface AwsErrorContext {
  account?: string;
  accountName?: string;
  region?: string;
  /** SDK operation, e.g. `ListServices`. */
  operation?: string;
  /** ARN or id of the resource concerned. */
  resource?: string;
  /** Per-call timeout in ms, to say how long we waited. */
  timeoutMs?: number;
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ProvisionedThroughputExceededException',
]);
const CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredToken',
  'ExpiredTokenException',
  'SignatureDoesNotMatch',
  'InvalidSignatureException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
]);
const NOT_FOUND = new Set(['ResourceNotFoundException', 'NotFoundException', 'NoSuchEntity']);
const CONFLICT = new Set([
  'ConflictException',
  'ResourceAlreadyExistsException',
  'OperationAbortedException',
  'ResourceInUseException',
]);
const VALIDATION = new Set([
  'ValidationException',
  'ValidationError',
  'InvalidParameterException',
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
  'InvalidQueryException',
  'MalformedQueryException',
  'MalformedPolicyDocument',
  'InvalidOperationException',
  'InvalidSequenceTokenException',
]);
const QUOTA = new Set(['ServiceQuotaExceededException', 'LimitExceededException', 'PackedPolicyTooLarge']);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const INTERNAL = new Set([
  'InternalServerException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ServiceException',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

interface SdkLike {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  resourceId?: string;
  fieldList?: Array<{ name?: string; message?: string }>;
  cause?: unknown;
}

function networkCode(e: SdkLike): string | undefined {
  if (e.code && NETWORK.has(e.code)) return e.code;
  const cause = e.cause as SdkLike | undefined;
  return cause?.code && NETWORK.has(cause.code) ? cause.code : undefined;
}

function classify(
  name: string,
  status: number | undefined,
  netCode: string | undefined,
  code: string | undefined,
): ErrorCode {
  if (THROTTLING.has(name) || status === 429) return 'THROTTLED';
  if (TIMEOUT.has(name) || code === 'ETIMEDOUT') return 'TIMEOUT';
  if (netCode) return 'UNREACHABLE';
  if (
    name.startsWith('AccessDenied') ||
    CREDENTIALS.has(name) ||
    name === 'UnauthorizedOperation' ||
    status === 403 ||
    status === 401
  )
    return 'ACCESS_DENIED';
  if (NOT_FOUND.has(name) || status === 404) return 'NOT_FOUND';
  if (CONFLICT.has(name) || status === 409) return 'CONFLICT';
  if (QUOTA.has(name) || status === 402) return 'QUOTA';
  if (VALIDATION.has(name) || status === 400) return 'VALIDATION';
  if (INTERNAL.has(name) || (status !== undefined && status >= 500)) return 'AWS_INTERNAL';
  return 'UNKNOWN';
}

function hint(code: ErrorCode, name: string, ctx: AwsErrorContext, netCode: string | undefined): string {
  switch (code) {
    case 'THROTTLED':
      return 'AWS is throttling this account; wait a moment and retry.';
    case 'TIMEOUT':
      return (
        `AWS did not answer${ctx.timeoutMs ? ` within ${ctx.timeoutMs} ms` : ' in time'}; retry, ` +
        `and check the network path if it keeps happening.`
      );
    case 'UNREACHABLE':
      return (
        `Cannot connect to the AWS endpoint (${netCode ?? 'network error'}); ` +
        `check the network path and any AWS_ENDPOINT_URL_* setting.`
      );
    case 'ACCESS_DENIED':
      return CREDENTIALS.has(name)
        ? 'The credentials Trellis uses were rejected; check the task role (or keys) of the console.'
        : 'Check the IAM policy of the role Trellis uses in this account, ' +
            'and its trust policy and ExternalId for AssumeRole.';
    case 'NOT_FOUND':
      return 'It may have been deleted; refresh the view.';
    case 'CONFLICT':
      return 'It changed or is being changed by someone else; refresh and try again.';
    case 'QUOTA':
      return 'A service quota was reached; remove resources or raise the quota in Service Quotas.';
    case 'AWS_INTERNAL':
      return 'AWS reported an internal error; retry shortly.';
    default:
      return '';
  }
}

/** Names a call for messages: `ListServices in payments (222222222222), us-east-1`. */
export function describeCall(ctx: AwsErrorContext): string {
  const account = ctx.account
    ? ctx.accountName
      ? `${ctx.accountName} (${ctx.account})`
      : ctx.account
    : ctx.accountName;
  const place = [account, ctx.region].filter(Boolean).join(', ');
  const op = ctx.operation ?? 'AWS call';
  return place ? `${op} in ${place}` : op;
}

/**
 * Maps anything an SDK call can throw to a `TrellisError` (a `TrellisError` passes through, gaining
 * the context's account when it had none).
 * Keeps the AWS error name, request id and HTTP status.
 */
export function toTrellisError(e: unknown, ctx: AwsErrorContext = {}): TrellisError {
  if (isTrellisError(e)) {
    if (e.account !== undefined || ctx.account === undefined) return e;
    // E.g. a deadline that fired outside the SDK: add the account it concerned.
    return new TrellisError(e.code, e.message, { ...e.toInfo(), account: ctx.account, cause: e });
  }
  const err: SdkLike = typeof e === 'object' && e !== null ? (e as SdkLike) : { message: String(e) };
  const name = err.name ?? 'Error';
  const status = err.$metadata?.httpStatusCode;
  const netCode = networkCode(err);
  const code = classify(name, status, netCode, err.code);
  const fields = (err.fieldList ?? []).map((f) => `${f.name ?? '?'}: ${f.message ?? ''}`.trim()).join('; ');
  const awsWords =
    `${name === 'Error' && netCode ? netCode : name}: ` +
    `${err.message || 'no message'}${fields ? ` (${fields})` : ''}`;
  const advice = hint(code, name, ctx, netCode);
  const message = `${describeCall(ctx)} failed: ${awsWords}${advice ? ` — ${advice}` : ''}`;
  const resource = ctx.resource ?? err.resourceId;
  const awsCode = netCode ?? (name !== 'Error' ? name : undefined);
  return new TrellisError(code, message, {
    cause: e,
    ...(resource ? { resource } : {}),
    ...(ctx.account ? { account: ctx.account } : {}),
    ...(awsCode ? { awsCode } : {}),
    ...(err.$metadata?.requestId ? { requestId: err.$metadata.requestId } : {}),
    ...(status !== undefined ? { httpStatus: status } : {}),
  });
}
