import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-vpc-lattice';
import { InvalidParameterException, LimitExceededException } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { toTrellisError } from './errors';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode, requestId: 'req-123' } });
const ctx = { account: '222222222222', accountName: 'payments', region: 'us-east-1', operation: 'ListServices' };

describe('toTrellisError', () => {
  it('maps throttling to a retryable THROTTLED and keeps the request id', () => {
    const e = toTrellisError(new ThrottlingException({ message: 'Rate exceeded', ...meta(429) }), ctx);
    expect(e).toBeInstanceOf(TrellisError);
    expect(e.toInfo()).toEqual({
      code: 'THROTTLED',
      retryable: true,
      message:
        'ListServices in payments (222222222222), us-east-1 failed: ThrottlingException: Rate exceeded ' +
        '— AWS is throttling this account; wait a moment and retry.',
      account: '222222222222',
      awsCode: 'ThrottlingException',
      requestId: 'req-123',
      httpStatus: 429,
    });
    // The awsQuery (STS) spelling is throttling too.
    expect(toTrellisError(Object.assign(new Error('Rate exceeded'), { name: 'Throttling', ...meta(400) })).code).toBe(
      'THROTTLED',
    );
  });

  it('maps access denial, keeping the AWS words that name the principal and the action', () => {
    const aws =
      'User: arn:aws:sts::111111111111:assumed-role/x/y is not authorized to perform: vpc-lattice:ListServices';
    const e = toTrellisError(new AccessDeniedException({ message: aws, ...meta(403) }), ctx);
    expect(e.code).toBe('ACCESS_DENIED');
    expect(e.retryable).toBe(false);
    expect(e.message).toContain(aws);
    expect(e.message).toContain('Check the IAM policy');
    const sts = toTrellisError(
      Object.assign(new Error('not authorized to perform: sts:AssumeRole'), { name: 'AccessDenied', ...meta(403) }),
    );
    expect(sts.code).toBe('ACCESS_DENIED');
    const expired = toTrellisError(
      Object.assign(new Error('The security token included in the request is expired'), {
        name: 'ExpiredTokenException',
        ...meta(403),
      }),
    );
    expect(expired.code).toBe('ACCESS_DENIED');
    expect(expired.message).toContain('credentials Trellis uses were rejected');
  });

  it('maps not-found with the resource id from the error or the context', () => {
    const e = toTrellisError(
      new ResourceNotFoundException({
        message: 'Service not found',
        resourceId: 'svc-0123456789abcdefg',
        resourceType: 'SERVICE',
        ...meta(404),
      }),
      ctx,
    );
    expect(e).toMatchObject({ code: 'NOT_FOUND', resource: 'svc-0123456789abcdefg', retryable: false });
    const arn = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg';
    expect(
      toTrellisError(
        new ResourceNotFoundException({ message: 'x', resourceId: 'svc-1', resourceType: 'SERVICE', ...meta(404) }),
        { ...ctx, resource: arn },
      ).resource,
    ).toBe(arn);
  });

  it('maps conflicts, quotas, validation and internal errors', () => {
    expect(
      toTrellisError(
        new ConflictException({ message: 'busy', resourceId: 'rule-1', resourceType: 'RULE', ...meta(409) }),
      ).code,
    ).toBe('CONFLICT');
    const quota = new ServiceQuotaExceededException({
      message: 'too many rules',
      resourceType: 'RULE',
      serviceCode: 'vpc-lattice',
      quotaCode: 'L-1',
      ...meta(402),
    });
    expect(toTrellisError(quota).code).toBe('QUOTA');
    expect(toTrellisError(new LimitExceededException({ message: 'too many queries', ...meta(400) })).code).toBe(
      'QUOTA',
    );
    const v = toTrellisError(
      new ValidationException({
        message: 'Invalid weight',
        reason: 'fieldValidationFailed',
        fieldList: [{ name: 'weight', message: 'must be <= 999' }],
        ...meta(400),
      }),
    );
    expect(v.code).toBe('VALIDATION');
    expect(v.message).toBe('AWS call failed: ValidationException: Invalid weight (weight: must be <= 999)');
    expect(toTrellisError(new InvalidParameterException({ message: 'bad log group', ...meta(400) })).code).toBe(
      'VALIDATION',
    );
    const internal = toTrellisError(new InternalServerException({ message: 'oops', ...meta(500) }));
    expect(internal).toMatchObject({ code: 'AWS_INTERNAL', retryable: true });
  });

  it('maps timeouts, aborts and network failures', () => {
    const timeout = toTrellisError(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }), {
      ...ctx,
      timeoutMs: 500,
    });
    expect(timeout).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(timeout.message).toContain('within 500 ms');
    expect(toTrellisError(Object.assign(new Error('aborted'), { name: 'AbortError' })).code).toBe('TIMEOUT');
    const refused = toTrellisError(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ctx,
    );
    expect(refused).toMatchObject({ code: 'UNREACHABLE', retryable: true, awsCode: 'ECONNREFUSED' });
    const wrapped = toTrellisError(
      new Error('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) }),
    );
    expect(wrapped.code).toBe('UNREACHABLE');
  });

  it('falls back on the HTTP status, then UNKNOWN, and passes TrellisErrors through', () => {
    expect(toTrellisError(Object.assign(new Error('x'), { name: 'SomethingNew', ...meta(503) })).code).toBe(
      'AWS_INTERNAL',
    );
    expect(toTrellisError(Object.assign(new Error('x'), { name: 'SomethingNew', ...meta(404) })).code).toBe(
      'NOT_FOUND',
    );
    const unknown = toTrellisError('boom');
    expect(unknown.toInfo()).toEqual({ code: 'UNKNOWN', message: 'AWS call failed: Error: boom', retryable: false });
    const original = new TrellisError('CONFIG', 'account not configured');
    expect(toTrellisError(original)).toBe(original);
  });
});
