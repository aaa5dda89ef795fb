/**
 * What every gateway shares: its (account, region, user), its call options, and sending one command
 * through the factory's call gate (limits, pacing per API, deadline, session retry, trace, errors).
 */
import 'server-only';
import { TrellisError } from '../domain/errors';
import type { CallOptions } from './callGate';
import type { AwsClientFactory, ClientScope } from './clientFactory';
import type { Pacable } from './pacer';

/** The scope of a gateway: its account, region, user and access (read unless said otherwise). */
export type GatewayScope = Required<Pick<ClientScope, 'accountId' | 'region'>> & Pick<ClientScope, 'user' | 'access'>;

/** See the module comment. */
export class GatewayBase {
  readonly region: string;

  constructor(
    protected readonly factory: AwsClientFactory,
    readonly scope: GatewayScope,
    protected readonly opts: CallOptions = {},
  ) {
    this.region = scope.region;
  }

  /**
   * Sends `command` of `api` with `dispatch`, which must look its client up itself (so that the gate's
   * retry after a rejected session gets a fresh one).
   */
  protected through<O>(
    api: string,
    operation: string,
    resource: string | undefined,
    command: Pacable,
    dispatch: (signal: AbortSignal) => Promise<O>,
    opts: CallOptions = this.opts,
  ): Promise<O> {
    const gate = this.factory.gate;
    const scope = { ...this.scope, operation, ...(resource ? { resource } : {}) };
    return gate.send(scope, opts, opts.pacers ?? gate.pacersFor(api), command, dispatch, gate.budgetsFor(api));
  }

  /** A mapped Get result, or AWS_INTERNAL when the API's answer lacked what identifies it. */
  protected must<T>(operation: string, resource: string, mapped: T | undefined): T {
    if (mapped !== undefined) return mapped;
    throw new TrellisError('AWS_INTERNAL', `${operation} returned no ARN or id for ${resource}.`, { resource });
  }
}
