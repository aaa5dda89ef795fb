/**
 * The mutable state of one (account, region) while a crawl runs: what it listed and read, and what
 * failed. `toData` freezes it into the `SegmentData` the cache keeps.
 */
import 'server-only';
import type { NetworkSummary } from '../aws/resourceMappers';
import type { AccountConfig } from '../config';
import { toErrorInfo, type ErrorInfo } from '../domain/errors';
import type {
  AccessLogSubscription,
  Listener,
  Problem,
  Rule,
  Service,
  ServiceAssociation,
  Target,
  TargetGroup,
  VpcAssociation,
} from '../domain/snapshot';
import { emptyVpcResources } from '../domain/vpcResources';
import type { SegmentData } from './types';

/** A network as listed, with the association counts that let the crawler skip empty listings. */
export type ListedNetwork = NetworkSummary;

/** One segment during a crawl. */
export class SegmentRun {
  readonly accountId: string;
  readonly name: string;
  reachable = true;
  error?: ErrorInfo;
  readonly networks = new Map<string, ListedNetwork>();
  readonly services = new Map<string, Service>();
  targetGroups: TargetGroup[] = [];
  readonly serviceAssociations: ServiceAssociation[] = [];
  readonly vpcAssociations: VpcAssociation[] = [];
  readonly listeners: Listener[] = [];
  readonly rules: Rule[] = [];
  readonly targets: Record<string, Target[]> = {};
  readonly accessLogSubscriptions: AccessLogSubscription[] = [];
  /** Resource gateways, configurations, their associations, endpoint associations, domains (readResources.ts). */
  readonly vpc = emptyVpcResources();
  readonly problems: Problem[] = [];
  /** Reads cut short by the crawl deadline (reported as one problem, not one each). */
  cutShort = 0;

  constructor(
    account: AccountConfig,
    readonly region: string,
    /** The crawl's abort reason once it is aborted (to tell deadline cuts from AWS errors). */
    private readonly abortReason: () => unknown,
  ) {
    this.accountId = account.accountId;
    this.name = account.name;
  }

  /** Records a failed call as a problem of this segment (or counts it as cut by the deadline). */
  fail(operation: string, e: unknown, resourceArn?: string): void {
    const reason = this.abortReason();
    if (reason !== undefined && e === reason) {
      this.cutShort += 1;
      return;
    }
    this.problems.push({
      accountId: this.accountId,
      region: this.region,
      operation,
      ...(resourceArn ? { resourceArn } : {}),
      error: toErrorInfo(e),
    });
  }

  /** The account could not be read at all. */
  markUnreachable(e: unknown): void {
    this.reachable = false;
    this.error = toErrorInfo(e);
  }

  /** The segment's data as the cache keeps it. */
  toData(fetchedAt: number, crawledAs: string | undefined): SegmentData {
    const problems = [...this.problems];
    const reason = this.abortReason();
    if (this.cutShort > 0 && reason !== undefined) {
      const info = toErrorInfo(reason);
      problems.push({
        accountId: this.accountId,
        region: this.region,
        operation: 'Crawl',
        error: {
          ...info,
          account: this.accountId,
          message: `${info.message} (${this.cutShort} reads of this account were cut short)`,
        },
      });
    }
    return {
      accountId: this.accountId,
      name: this.name,
      region: this.region,
      reachable: this.reachable,
      ...(this.error ? { error: this.error } : {}),
      fetchedAt,
      ...(crawledAs !== undefined ? { crawledAs } : {}),
      resources: {
        serviceNetworks: [...this.networks.values()].map((n) => n.network),
        services: [...this.services.values()],
        serviceAssociations: this.serviceAssociations,
        vpcAssociations: this.vpcAssociations,
        listeners: this.listeners,
        rules: this.rules,
        targetGroups: this.targetGroups,
        targets: this.targets,
        accessLogSubscriptions: this.accessLogSubscriptions,
        ...this.vpc,
      },
      problems,
    };
  }
}
