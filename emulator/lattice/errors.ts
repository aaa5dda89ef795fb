/**
 * The errors of the VPC Lattice API, with the fields its model requires (`reason`/`fieldList`,
 * `resourceId`/`resourceType`, `serviceCode`/`quotaCode`) and the HTTP status the model declares.
 */
import { AwsError, violationMessage, type FieldViolation } from '../core/awsError';
import { modelError } from '../core/protocolErrors';
import type { Violation } from '../core/validate';
import { latticeModel } from './model';

/** `ValidationException.reason` values of the model. */
export type ValidationReason = 'unknownOperation' | 'cannotParse' | 'fieldValidationFailed' | 'other';

/** Resource types named in ResourceNotFound / Conflict / ServiceQuotaExceeded errors. */
export type ErrorResourceType =
  | 'SERVICE_NETWORK'
  | 'SERVICE'
  | 'LISTENER'
  | 'RULE'
  | 'TARGET_GROUP'
  | 'TARGET'
  | 'SERVICE_NETWORK_SERVICE_ASSOCIATION'
  | 'SERVICE_NETWORK_VPC_ASSOCIATION'
  | 'ACCESS_LOG_SUBSCRIPTION'
  | 'AUTH_POLICY'
  | 'RESOURCE_POLICY'
  | 'TAG'
  | 'RESOURCE_GATEWAY'
  | 'RESOURCE_CONFIGURATION'
  | 'SERVICE_NETWORK_RESOURCE_ASSOCIATION'
  | 'RESOURCE_ENDPOINT_ASSOCIATION'
  | 'SERVICE_NETWORK_ENDPOINT_ASSOCIATION'
  | 'DOMAIN_VERIFICATION';

/** A ValidationException with a message and the offending fields. */
export function validationError(
  message: string,
  fields: Array<{ name: string; message: string }> = [],
  reason: ValidationReason = 'fieldValidationFailed',
): AwsError {
  return modelError(latticeModel, 'ValidationException', message, { reason, fieldList: fields });
}

/** A ValidationException for violations found by the model validator; type errors read as `cannotParse`. */
export function violationsError(violations: Violation[]): AwsError {
  const reason: ValidationReason = violations.some((v) => v.kind === 'type') ? 'cannotParse' : 'fieldValidationFailed';
  return validationError(
    violationMessage(violations),
    violations.map((v) => ({ name: v.name, message: v.message })),
    reason,
  );
}

/** A ValidationException about one field, phrased like the model validator's messages. */
export function fieldError(name: string, value: unknown, message: string): AwsError {
  const v: FieldViolation = {
    name,
    value:
      typeof value === 'string'
        ? `'${value.length > 64 ? `${value.slice(0, 61)}...` : value}'`
        : `'${JSON.stringify(value) ?? 'null'}'`,
    message,
  };
  return validationError(violationMessage([v]), [{ name, message }]);
}

/** An operation of the model the emulator does not implement: refused, never silently accepted. */
export function unimplemented(operation: string): AwsError {
  return validationError(
    `The Trellis emulator does not implement the VPC Lattice operation ${operation}`,
    [],
    'unknownOperation',
  );
}

/** ResourceNotFoundException (404). `id` is the identifier the caller gave. */
export function notFound(resourceType: ErrorResourceType, id: string, what?: string): AwsError {
  return modelError(latticeModel, 'ResourceNotFoundException', what ?? `${label(resourceType)} '${id}' was not found`, {
    resourceId: id,
    resourceType,
  });
}

/** ConflictException (409). */
export function conflict(resourceType: ErrorResourceType, id: string, message: string): AwsError {
  return modelError(latticeModel, 'ConflictException', message, { resourceId: id, resourceType });
}

/** ServiceQuotaExceededException (402). */
export function quotaExceeded(
  resourceType: ErrorResourceType,
  quotaCode: string,
  message: string,
  resourceId?: string,
): AwsError {
  return modelError(latticeModel, 'ServiceQuotaExceededException', message, {
    resourceType,
    serviceCode: 'vpc-lattice',
    quotaCode,
    ...(resourceId ? { resourceId } : {}),
  });
}

/** AccessDeniedException (403): the caller can see the resource but does not own it. */
export function accessDenied(principalArn: string, operation: string, resourceArn: string, owner: string): AwsError {
  return modelError(
    latticeModel,
    'AccessDeniedException',
    `User: ${principalArn} is not authorized to perform: vpc-lattice:${operation} on resource: ${resourceArn} ` +
      `(the resource is owned by account ${owner}; shared resources are read-only for other accounts)`,
  );
}

/** ThrottlingException (429) with the `Retry-After` header the SDK reads into `retryAfterSeconds`. */
export function throttlingError(retryAfterSeconds: number): AwsError {
  return new AwsError(
    'ThrottlingException',
    429,
    'Rate exceeded',
    { serviceCode: 'vpc-lattice' },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

/** The answer for a route no operation of the model has. */
export function unknownRoute(method: string, path: string): AwsError {
  return new AwsError(
    'UnknownOperationException',
    404,
    `The VPC Lattice API has no operation for ${method} ${path.length > 200 ? `${path.slice(0, 200)}...` : path}`,
  );
}

/** Fields the model requires for a generic fault code (injected through the control API). */
export function faultError(code: string, message: string): AwsError {
  switch (code) {
    case 'ValidationException':
      return validationError(message, [], 'other');
    case 'ResourceNotFoundException':
    case 'ConflictException':
      return modelError(latticeModel, code, message, { resourceId: 'unknown', resourceType: 'unknown' });
    case 'ServiceQuotaExceededException':
      return quotaExceeded('SERVICE', 'unknown', message);
    case 'ThrottlingException':
      return throttlingError(1);
    default:
      return modelError(latticeModel, code, message, {}, code.startsWith('Internal') ? 500 : 400);
  }
}

function label(t: ErrorResourceType): string {
  return t
    .toLowerCase()
    .split('_')
    .map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w))
    .join(' ');
}
