/**
 * STS (awsQuery: form-encoded `Action=...`, XML responses): GetCallerIdentity and AssumeRole.
 * Temporary keys from AssumeRole belong to the role's account.
 */
import { AwsError, violationMessage } from '../core/awsError';
import type { RawRequest, RawResponse } from '../core/http';
import { asModel, shapeOf } from '../core/model';
import { modelError, renderQueryError, xmlEscape } from '../core/protocolErrors';
import type { CallContext, ParsedCall, ServiceModule } from '../core/service';
import { validate } from '../core/validate';
import type { EmulatorState } from '../state';
import modelJson from './generated/model.json';

const model = asModel(modelJson);
const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const SUPPORTED = new Set(['GetCallerIdentity', 'AssumeRole']);
/** AssumeRole members the emulator implements; others are refused rather than silently ignored. */
const ASSUME_ROLE_MEMBERS = new Set(['RoleArn', 'RoleSessionName', 'ExternalId', 'DurationSeconds', 'SourceIdentity']);

function parse(req: RawRequest): ParsedCall {
  if (req.method !== 'POST' && req.method !== 'GET')
    throw new AwsError('InvalidAction', 400, `Could not find operation for ${req.method}`);
  const params = req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 400, 'Missing Action');
  if (!model.operations[action])
    throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version 2011-06-15`);
  const input: Record<string, unknown> = {};
  for (const [k, v] of params) if (k !== 'Action' && k !== 'Version') input[k] = v;
  return { operation: action, input };
}

function coerce(operation: string, input: Record<string, unknown>): Record<string, unknown> {
  const op = model.operations[operation];
  if (!op?.input) return input;
  const members = shapeOf(model, op.input).members ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const ref = members[k];
    const type = ref ? shapeOf(model, ref.shape).type : undefined;
    out[k] = (type === 'integer' || type === 'long') && typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  }
  return out;
}

function respond(operation: string, result: string, requestId: string): RawResponse {
  const body =
    `<${operation}Response xmlns="${NS}"><${operation}Result>${result}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
}

function tag(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function handle(state: EmulatorState, ctx: CallContext, call: ParsedCall): RawResponse {
  if (!SUPPORTED.has(call.operation)) {
    throw new AwsError(
      'InvalidAction',
      400,
      `The emulator does not implement ${call.operation}; it supports ${[...SUPPORTED].join(', ')}`,
    );
  }
  const input = coerce(call.operation, call.input);
  const op = model.operations[call.operation]!;
  const violations = op.input ? validate(model, op.input, input) : [];
  if (call.operation === 'AssumeRole') {
    for (const k of Object.keys(input)) {
      if (!ASSUME_ROLE_MEMBERS.has(k))
        violations.push({
          name: k,
          value: 'given',
          message: 'Member is not supported by the Trellis emulator',
          kind: 'constraint',
        });
    }
  }
  if (violations.length > 0) throw new AwsError('ValidationError', 400, violationMessage(violations));

  if (call.operation === 'GetCallerIdentity') {
    const p = ctx.principal;
    return respond(
      'GetCallerIdentity',
      tag('Arn', p.arn) + tag('UserId', p.userId) + tag('Account', p.accountId),
      ctx.requestId,
    );
  }
  const issued = state.iam.assumeRole(
    ctx.principal,
    {
      roleArn: input.RoleArn as string,
      sessionName: input.RoleSessionName as string,
      ...(input.ExternalId !== undefined ? { externalId: input.ExternalId as string } : {}),
      ...(input.DurationSeconds !== undefined ? { durationSeconds: input.DurationSeconds as number } : {}),
      ...(input.SourceIdentity !== undefined ? { sourceIdentity: input.SourceIdentity as string } : {}),
    },
    ctx.now,
    state.rng,
  );
  const result =
    tag('SourceIdentity', issued.principal.sourceIdentity) +
    `<AssumedRoleUser>${tag('Arn', issued.principal.arn)}` +
    `${tag('AssumedRoleId', issued.principal.userId)}</AssumedRoleUser>` +
    `<Credentials>${tag('AccessKeyId', issued.accessKeyId)}${tag('SecretAccessKey', issued.secretAccessKey)}` +
    `${tag('SessionToken', issued.sessionToken)}` +
    `${tag('Expiration', new Date(issued.expiresAt).toISOString())}</Credentials>`;
  return respond('AssumeRole', result, ctx.requestId);
}

/** The STS module of the emulator. */
export const stsService: ServiceModule = {
  signingName: 'sts',
  protocol: 'awsQuery',
  parse,
  handle,
  renderError: renderQueryError,
  errorFor: (code, message) => modelError(model, code, message, {}, code.startsWith('Internal') ? 500 : 400),
  throttled: () => new AwsError('Throttling', 400, 'Rate exceeded'),
};
