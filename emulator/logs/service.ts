/**
 * CloudWatch Logs (awsJson1.1: `POST /`, `X-Amz-Target: Logs_20140328.<Operation>`, JSON bodies).
 * Inputs are validated against the model (type errors → SerializationException, constraint
 * violations → InvalidParameterException with the AWS sentence); operations of the model that the
 * emulator does not implement are refused with InvalidOperationException, never accepted silently.
 */
import { AwsError, violationMessage } from '../core/awsError';
import { json, type RawRequest, type RawResponse } from '../core/http';
import { renderJsonError } from '../core/protocolErrors';
import type { CallContext, ParsedCall, ServiceModule } from '../core/service';
import { validate } from '../core/validate';
import type { EmulatorState } from '../state';
import { invalidParameter, logsError, logsModel, type Handler } from './api/common';
import { filterLogEvents } from './api/filterLogEvents';
import { getLogEvents } from './api/getLogEvents';
import { getLogGroupFields } from './api/getLogGroupFields';
import { groupHandlers } from './api/groups';
import { indexPolicyHandlers } from './api/indexPolicies';
import { putLogEvents } from './api/putLogEvents';
import { queryHandlers } from './api/queries';
import { streamHandlers } from './api/streams';

const TARGET_PREFIX = `${logsModel.metadata.targetPrefix ?? 'Logs_20140328'}.`;
const CONTENT_TYPE = 'application/x-amz-json-1.1';

const handlers: Record<string, Handler> = {
  ...groupHandlers,
  ...streamHandlers,
  PutLogEvents: putLogEvents,
  GetLogEvents: getLogEvents,
  FilterLogEvents: filterLogEvents,
  GetLogGroupFields: getLogGroupFields,
  ...queryHandlers,
  ...indexPolicyHandlers,
};

/** Operations the emulator implements. */
export const LOGS_OPERATIONS: readonly string[] = Object.keys(handlers).sort();

function unknownOperation(message: string): AwsError {
  return new AwsError('UnknownOperationException', 400, message);
}

/** Deepest object/array nesting accepted: no Logs input nests more than a few levels. */
const MAX_JSON_DEPTH = 64;

/** The maximum nesting depth of a JSON text (strings skipped), counted without parsing it. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function parse(req: RawRequest): ParsedCall {
  const target = req.headers['x-amz-target'];
  if (!target)
    throw unknownOperation(`Missing X-Amz-Target header; CloudWatch Logs expects '${TARGET_PREFIX}<Operation>'`);
  if (!target.startsWith(TARGET_PREFIX) || !logsModel.operations[target.slice(TARGET_PREFIX.length)]) {
    throw unknownOperation(`Unknown operation '${target.slice(0, 200)}'`);
  }
  if (req.method !== 'POST') throw unknownOperation(`CloudWatch Logs operations use POST, not ${req.method}`);
  const operation = target.slice(TARGET_PREFIX.length);
  const text = req.body.toString('utf8');
  if (text.trim() === '') return { operation, input: {} };
  if (jsonDepth(text) > MAX_JSON_DEPTH)
    throw new AwsError(
      'SerializationException',
      400,
      `The request body nests JSON deeper than ${MAX_JSON_DEPTH} levels`,
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 400, 'The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new AwsError('SerializationException', 400, 'The request body must be a JSON object');
  return { operation, input: body as Record<string, unknown> };
}

async function handle(state: EmulatorState, ctx: CallContext, call: ParsedCall): Promise<RawResponse> {
  const handler = handlers[call.operation];
  if (!handler) {
    throw logsError(
      'InvalidOperationException',
      `The Trellis emulator does not implement CloudWatch Logs ${call.operation}; it implements ` +
        `${LOGS_OPERATIONS.join(', ')}`,
    );
  }
  const op = logsModel.operations[call.operation];
  const violations = op?.input ? validate(logsModel, op.input, call.input) : [];
  const typeErrors = violations.filter((v) => v.kind === 'type');
  if (typeErrors.length > 0) throw new AwsError('SerializationException', 400, violationMessage(typeErrors));
  if (violations.length > 0) throw invalidParameter(violationMessage(violations));
  const out = await handler(state, ctx, call.input);
  if (out === undefined) return { status: 200, headers: { 'content-type': CONTENT_TYPE }, body: '' };
  return json(200, out, {}, CONTENT_TYPE);
}

/** The CloudWatch Logs module of the emulator. */
export const logsService: ServiceModule = {
  signingName: 'logs',
  protocol: 'awsJson1_1',
  parse,
  handle,
  renderError: renderJsonError,
  errorFor: (code, message) => {
    // The fault injector's generic internal error is, in CloudWatch Logs terms, ServiceUnavailableException (500).
    if (code === 'InternalServerException' || code === 'InternalFailure')
      return new AwsError('ServiceUnavailableException', 500, message);
    if (code === 'ThrottlingException') return new AwsError(code, 400, message);
    return logsError(code, message, {});
  },
  throttled: () => new AwsError('ThrottlingException', 400, 'Rate exceeded'),
};
