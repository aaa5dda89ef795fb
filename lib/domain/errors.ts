/**
 * Typed errors of Trellis. Every failure that reaches a page or an API answer is a `TrellisError`
 * with a stable `code`; its plain-data form `ErrorInfo` is what crosses to the browser.
 * Pure: imports nothing (the SDK → TrellisError mapping lives in lib/aws/errors).
 */

/** Stable error codes. UI and tests switch on these, never on message text. */
export const ERROR_CODES = [
  'ACCESS_DENIED',
  'NOT_FOUND',
  'CONFLICT',
  /** A write to a resource another system manages (EKS controller, CloudFormation) without an override. */
  'OWNED',
  'THROTTLED',
  'VALIDATION',
  'QUOTA',
  'TIMEOUT',
  'UNREACHABLE',
  'AWS_INTERNAL',
  'CONFIG',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'UNKNOWN',
] as const;

/** One of `ERROR_CODES`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Serialisable description of an error: safe to send to the browser (no stack, no credentials). */
export interface ErrorInfo {
  code: ErrorCode;
  /** What went wrong and what to do, keeping the AWS error's own words. */
  message: string;
  /** True when the same call may succeed if repeated later (throttling, timeouts, 5xx). */
  retryable: boolean;
  /** ARN or id of the resource concerned, when known. */
  resource?: string;
  /** AWS account id the call was made in, when known. */
  account?: string;
  /** The AWS error name, e.g. `ThrottlingException`. */
  awsCode?: string;
  /** The AWS request id, for a support case or CloudTrail lookup. */
  requestId?: string;
  /** HTTP status AWS answered with, when there was an answer. */
  httpStatus?: number;
}

/** Optional details of a `TrellisError`. */
export type ErrorDetails = Partial<Omit<ErrorInfo, 'code' | 'message'>>;

/** An error with a stable code. Throw it on the server; send `toInfo()` to the client. */
export class TrellisError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly resource?: string;
  readonly account?: string;
  readonly awsCode?: string;
  readonly requestId?: string;
  readonly httpStatus?: number;

  constructor(code: ErrorCode, message: string, details: ErrorDetails & { cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'TrellisError';
    this.code = code;
    this.retryable = details.retryable ?? DEFAULT_RETRYABLE.has(code);
    if (details.resource !== undefined) this.resource = details.resource;
    if (details.account !== undefined) this.account = details.account;
    if (details.awsCode !== undefined) this.awsCode = details.awsCode;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
  }

  /** Plain data for the client; optional fields are omitted rather than `undefined`. */
  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.resource !== undefined) info.resource = this.resource;
    if (this.account !== undefined) info.account = this.account;
    if (this.awsCode !== undefined) info.awsCode = this.awsCode;
    if (this.requestId !== undefined) info.requestId = this.requestId;
    if (this.httpStatus !== undefined) info.httpStatus = this.httpStatus;
    return info;
  }
}

const DEFAULT_RETRYABLE: ReadonlySet<ErrorCode> = new Set(['THROTTLED', 'TIMEOUT', 'UNREACHABLE', 'AWS_INTERNAL']);

/** True for a `TrellisError` (also one from another copy of this module). */
export function isTrellisError(e: unknown): e is TrellisError {
  return (
    e instanceof TrellisError ||
    (e instanceof Error && e.name === 'TrellisError' && 'code' in e && isErrorCode((e as { code: unknown }).code))
  );
}

/** True for a known error code. */
export function isErrorCode(v: unknown): v is ErrorCode {
  return typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v);
}

/**
 * Any thrown value as `ErrorInfo`. A `TrellisError` keeps its details; anything else becomes
 * UNKNOWN with its message (never its stack). SDK errors must be mapped by lib/aws first.
 */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (isTrellisError(e)) return e.toInfo();
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'Unexpected error';
  return { code: 'UNKNOWN', message: message || 'Unexpected error', retryable: false };
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  ACCESS_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  OWNED: 409,
  QUOTA: 422,
  THROTTLED: 429,
  CONFIG: 500,
  UNKNOWN: 500,
  AWS_INTERNAL: 502,
  UNREACHABLE: 502,
  TIMEOUT: 504,
};

/** The HTTP status a Trellis route handler answers for an error code. */
export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}
