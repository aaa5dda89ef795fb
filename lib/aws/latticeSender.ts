/**
 * How `LatticeGateway` sends a command: through the call gate for its (account, region, user) with
 * its view's options, the client looked up inside the call (so the gate's retry after a rejected
 * session gets a fresh one), every List page followed by the one paginator and mapped to domain types.
 */
import 'server-only';
import type {
  ServiceInputTypes,
  ServiceOutputTypes,
  VPCLatticeClientResolvedConfig,
} from '@aws-sdk/client-vpc-lattice';
import type { CommandImpl } from '@smithy/core/client';
import type { CallOptions } from './callGate';
import type { ClientScope } from './clientFactory';
import { GatewayBase } from './gatewayBase';
import { type Collected, collectPages, pageInput } from './paginate';
import { mapDefined } from './resourceMappers';

/** Any VPC Lattice command with its input and output types. */
export type LatticeCommand<I extends ServiceInputTypes, O extends ServiceOutputTypes> = CommandImpl<
  I,
  O,
  VPCLatticeClientResolvedConfig,
  ServiceInputTypes,
  ServiceOutputTypes
>;

/** The sending half of the gateway; see the module comment. */
export class LatticeSender extends GatewayBase {
  /** Sends a read at the view's priority, with the scope's credentials (the read role unless said otherwise). */
  protected send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    operation: string,
    resource: string | undefined,
    command: LatticeCommand<I, O>,
    opts: CallOptions = this.opts,
    scope: ClientScope = this.scope,
  ): Promise<O> {
    const send = (abortSignal: AbortSignal) => this.factory.lattice(scope).send(command, { abortSignal });
    return this.through('lattice', operation, resource, command, send, opts);
  }

  /**
   * Sends a write with the account's write role (refused outside `withWriteAccess`): critical, ahead of
   * every queued read of the account.
   */
  protected write<I extends ServiceInputTypes, O extends ServiceOutputTypes>(
    operation: string,
    resource: string,
    command: LatticeCommand<I, O>,
  ): Promise<O> {
    const opts: CallOptions = { ...this.opts, priority: 'critical' };
    return this.send(operation, resource, command, opts, { ...this.scope, access: 'write' });
  }

  /** Follows every page of a List and maps its items (malformed ones are dropped). */
  protected async list<I extends ServiceInputTypes, O extends ServiceOutputTypes & { nextToken?: string }, X, T>(
    operation: string,
    resource: string | undefined,
    command: (page: { maxResults: number; nextToken?: string }) => LatticeCommand<I, O & { items?: X[] }>,
    map: (item: X) => T | undefined,
  ): Promise<Collected<T>> {
    const got = await collectPages((t) => this.send(operation, resource, command(pageInput(t))));
    return { items: mapDefined(got.items, map), ...(got.error !== undefined ? { error: got.error } : {}) };
  }
}
