/**
 * Rendering of AwsError per wire protocol, and building errors whose HTTP status comes from the model.
 */
import { AwsError } from './awsError';
import type { RawResponse } from './http';
import type { ModelTables } from './model';

/** restJson1: status, `x-amzn-ErrorType` header, JSON body with `message` and the error's fields. */
export function renderRestJsonError(err: AwsError, requestId: string): RawResponse {
  return {
    status: err.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': err.code,
      'x-amzn-requestid': requestId,
      ...err.headers,
    },
    body: JSON.stringify({ message: err.message, ...err.fields }),
  };
}

/** awsJson1.1: status, JSON body with `__type` and `message`. */
export function renderJsonError(err: AwsError, requestId: string): RawResponse {
  return {
    status: err.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId, ...err.headers },
    body: JSON.stringify({ __type: err.code, message: err.message, ...err.fields }),
  };
}

/** awsQuery: XML ErrorResponse. */
export function renderQueryError(err: AwsError, requestId: string): RawResponse {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  const body =
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${type}</Type>` +
    `<Code>${xmlEscape(err.code)}</Code><Message>${xmlEscape(err.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...err.headers },
    body,
  };
}

/** Escapes text for an XML element or attribute. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const COMMON_STATUS: Record<string, number> = {
  AccessDeniedException: 403,
  AccessDenied: 403,
  ThrottlingException: 429,
  Throttling: 400,
  InternalServerException: 500,
  InternalFailure: 500,
  ServiceUnavailableException: 503,
  ServiceUnavailable: 503,
};

/** An AwsError for `code` with the HTTP status the model declares for it (or the common one). */
export function modelError(
  model: ModelTables,
  code: string,
  message: string,
  fields: Record<string, unknown> = {},
  fallbackStatus = 400,
): AwsError {
  const shape = model.shapes[code];
  const status = shape?.error?.httpStatusCode ?? COMMON_STATUS[code] ?? fallbackStatus;
  return new AwsError(code, status, message, fields);
}
