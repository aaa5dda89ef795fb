/**
 * The gateways of a client factory: one `LatticeGateway` and one `LogsGateway` per (account, region,
 * access, user), made on first use and kept (the oldest are dropped past a bound, like the clients).
 */
import 'server-only';
import type { AwsClientFactory, ClientScope } from './clientFactory';
import type { GatewayScope } from './gatewayBase';
import { LatticeGateway } from './latticeGateway';
import { LogsGateway } from './logsGateway';

const MAX_GATEWAYS = 600;

/** See the module comment; `factory.gateways`. */
export class Gateways {
  private readonly made = new Map<string, LatticeGateway | LogsGateway>();

  constructor(private readonly factory: AwsClientFactory) {}

  /** The VPC Lattice API of a scope (the console's region by default). */
  lattice(scope: ClientScope): LatticeGateway {
    return this.cached('lattice', scope, (s) => new LatticeGateway(this.factory, s));
  }

  /** The CloudWatch Logs API of a scope (the console's region by default). */
  logs(scope: ClientScope): LogsGateway {
    return this.cached('logs', scope, (s) => new LogsGateway(this.factory, s));
  }

  private cached<G extends LatticeGateway | LogsGateway>(
    api: string,
    scope: ClientScope,
    make: (s: GatewayScope) => G,
  ): G {
    const region = scope.region ?? this.factory.config.region;
    const key = `${api}|${scope.accountId}|${region}|${scope.access ?? 'read'}|${scope.user ?? ''}`;
    const hit = this.made.get(key);
    if (hit) return hit as G;
    if (this.made.size >= MAX_GATEWAYS) {
      const oldest = this.made.keys().next().value;
      if (oldest !== undefined) this.made.delete(oldest);
    }
    const { accountId, user, access } = scope;
    const g = make({ accountId, region, ...(user ? { user } : {}), ...(access ? { access } : {}) });
    this.made.set(key, g);
    return g;
  }
}
