/**
 * What the simulator needs to know about the Lattice world, read through the store's read API and
 * cached for one sync (the world cannot change while a sync runs, except target health, which
 * health.ts tracks): services by name or ARN with their listeners, the network a caller VPC
 * reaches a service through, and where each resource's access logs go.
 */
import type { LatticeStore, ListenerView } from '../lattice/store';
import type { AuthType, ServiceNetworkRecord, ServiceRecord, TargetGroupRecord } from '../lattice/types';
import type { LogGroup, LogsStore } from '../logs/store';
import { compilePolicy, type CompiledPolicy } from './authPolicy';

/** A service as requests see it. */
export interface ServiceInfo {
  record: ServiceRecord;
  /** HTTP and HTTPS listeners (TLS passthrough carries no HTTP requests). */
  listeners: ListenerView[];
  /** The auth policy when the service's auth type is AWS_IAM. */
  policy: CompiledPolicy | undefined;
}

/** The network a request travels through. */
export interface NetworkInfo {
  record: ServiceNetworkRecord;
  authType: AuthType;
  policy: CompiledPolicy | undefined;
  /** Owner of the caller VPC's association (the VPC owner). */
  vpcOwner: string;
  /** `arn:aws:ec2:<region>:<owner>:vpc/<id>` of the caller VPC. */
  sourceVpcArn: string;
}

/** One access-log delivery: a log group and the stream the subscription writes to. */
export interface Destination {
  group: LogGroup;
  stream: string;
}

/** The cached view of one sync. */
export class WorldView {
  private readonly byRef = new Map<string, ServiceInfo | null>();
  /** By service id, then caller VPC id (no key strings built per request). */
  private readonly routes = new Map<string, Map<string, NetworkInfo | null>>();
  private readonly outputs = new Map<string, { found: Destination[]; missing: number }>();
  private readonly tgs = new Map<string, TargetGroupRecord | null>();

  constructor(
    readonly store: LatticeStore,
    readonly logs: LogsStore,
  ) {}

  /** A service by name or ARN (the first of that name if several accounts use it). */
  service(ref: string): ServiceInfo | undefined {
    let info = this.byRef.get(ref);
    if (info === undefined) {
      const record = ref.startsWith('arn:')
        ? this.store.all('service').find((s) => s.arn === ref)
        : this.store.all('service').find((s) => s.name === ref);
      info = record ? this.describe(record) : null;
      this.byRef.set(ref, info);
    }
    return info ?? undefined;
  }

  private describe(record: ServiceRecord): ServiceInfo {
    const listeners = this.store.listenerViews(record.id).filter((l) => l.listener.protocol !== 'TLS_PASSTHROUGH');
    listeners.sort((a, b) => a.listener.name.localeCompare(b.listener.name));
    const policy = this.store.authPolicyOf(record.arn);
    return { record, listeners, policy: policy?.state === 'Active' ? compilePolicy(policy.policy) : undefined };
  }

  /** The network through which `vpcId` reaches the service, or undefined when none connects them. */
  route(vpcId: string, service: ServiceRecord): NetworkInfo | undefined {
    let byVpc = this.routes.get(service.id);
    if (!byVpc) {
      byVpc = new Map();
      this.routes.set(service.id, byVpc);
    }
    let info = byVpc.get(vpcId);
    if (info === undefined) {
      info = null;
      for (const a of this.store
        .serviceAssociations({ serviceId: service.id })
        .sort((x, y) => x.createdAt - y.createdAt || x.id.localeCompare(y.id))) {
        const vpc = this.store.vpcAssociations({ serviceNetworkId: a.serviceNetworkId, vpcId })[0];
        const network = this.store.get('servicenetwork', a.serviceNetworkId);
        if (!vpc || !network) continue;
        const policy = this.store.authPolicyOf(network.arn);
        info = {
          record: network,
          authType: network.authType,
          policy: policy?.state === 'Active' ? compilePolicy(policy.policy) : undefined,
          vpcOwner: vpc.accountId,
          sourceVpcArn: `arn:aws:ec2:${vpc.region}:${vpc.accountId}:vpc/${vpcId}`,
        };
        break;
      }
      byVpc.set(vpcId, info);
    }
    return info ?? undefined;
  }

  /** Any VPC that reaches the service (for injected callers), preferring one of `accountId`. */
  anyVpcFor(service: ServiceRecord, accountId?: string): string | undefined {
    const vpcs = this.store
      .serviceAssociations({ serviceId: service.id })
      .flatMap((a) => this.store.vpcAssociations({ serviceNetworkId: a.serviceNetworkId }))
      .sort((x, y) => x.createdAt - y.createdAt || x.id.localeCompare(y.id));
    return (vpcs.find((v) => v.accountId === accountId) ?? vpcs[0])?.vpcId;
  }

  /** CloudWatch Logs deliveries of a network's or service's access-log subscriptions. */
  destinations(resourceArn: string): { found: Destination[]; missing: number } {
    let out = this.outputs.get(resourceArn);
    if (!out) {
      out = { found: [], missing: 0 };
      for (const sub of this.store.accessLogSubscriptionsOf(resourceArn)) {
        if (!sub.destinationArn.includes(':logs:') || sub.serviceNetworkLogType === 'RESOURCE') continue;
        const group = this.logs.resolveArn(sub.destinationArn);
        if (group) out.found.push({ group, stream: sub.id });
        else out.missing++;
      }
      this.outputs.set(resourceArn, out);
    }
    return out;
  }

  /** A target group by id. */
  targetGroup(id: string): TargetGroupRecord | undefined {
    let tg = this.tgs.get(id);
    if (tg === undefined) {
      tg = this.store.targetGroup(id) ?? null;
      this.tgs.set(id, tg);
    }
    return tg ?? undefined;
  }
}
