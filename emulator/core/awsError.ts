/**
 * The one error type of the emulator. Each protocol renders it its own way (restJson1: status +
 * `x-amzn-ErrorType` + JSON body; awsJson1.1: `__type`; awsQuery: XML ErrorResponse).
 */
export class AwsError extends Error {
  /** Error name as AWS spells it, e.g. `ValidationException`. */
  readonly code: string;
  /** HTTP status of the error. */
  readonly status: number;
  /** Extra members of the error structure (e.g. `reason`, `fieldList`, `resourceId`). */
  readonly fields: Record<string, unknown>;
  /** Extra response headers (e.g. `Retry-After`). */
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    status: number,
    message: string,
    fields: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.fields = fields;
    this.headers = headers;
  }
}

/** One failed constraint, as the model-driven validator reports it. */
export interface FieldViolation {
  /** Path of the member, e.g. `action.forward.targetGroups[0].weight`. */
  name: string;
  /** AWS-style constraint message, e.g. `Member must have value less than or equal to 999`. */
  message: string;
  /** The offending value, rendered for the message. */
  value: string;
}

/** The `1 validation error detected: Value '1000' at 'x' failed to satisfy constraint: ...` sentence. */
export function violationMessage(violations: FieldViolation[]): string {
  const parts = violations.map((v) => `Value ${v.value} at '${v.name}' failed to satisfy constraint: ${v.message}`);
  const n = violations.length;
  return `${n} validation error${n === 1 ? '' : 's'} detected: ${parts.join('; ')}`;
}
