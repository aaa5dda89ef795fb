/**
 * What each emulated AWS service provides to the HTTP server: turn a raw request into an operation
 * and its input (or an AWS error), run it, and render errors in the service's own protocol.
 */
import type { AwsError } from './awsError';
import type { RawRequest, RawResponse } from './http';
import type { Principal } from '../iam/iam';
import type { EmulatorState } from '../state';

/** Facts about one authenticated call. */
export interface CallContext {
  accountId: string;
  region: string;
  principal: Principal;
  requestId: string;
  /** Time of the call, from the emulator's clock (ms since the epoch). */
  now: number;
}

/** An operation resolved from a request, with its decoded (not yet validated) input. */
export interface ParsedCall {
  operation: string;
  input: Record<string, unknown>;
}

/** The protocols of the three APIs. */
export type Protocol = 'restJson1' | 'awsJson1_1' | 'awsQuery';

/** One emulated service. */
export interface ServiceModule {
  /** SigV4 signing name (`vpc-lattice`, `logs`, `sts`). */
  readonly signingName: string;
  readonly protocol: Protocol;
  /** Resolves the operation and decodes its input; throws AwsError for unknown routes or bad encodings. */
  parse(req: RawRequest): ParsedCall;
  /** Validates and runs the call; throws AwsError for any failure a client should see. */
  handle(state: EmulatorState, ctx: CallContext, call: ParsedCall): Promise<RawResponse> | RawResponse;
  /** Renders an error the way this service's protocol does. */
  renderError(err: AwsError, requestId: string): RawResponse;
  /** The AWS error this service answers for a generic fault code (status and fields from the model). */
  errorFor(code: string, message: string): AwsError;
  /** The error of a throttled call. */
  throttled(retryAfterSeconds: number): AwsError;
}
