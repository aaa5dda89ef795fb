/**
 * The VPC Lattice API of one (account, region, user), as typed methods that take and return domain
 * types. Every call goes through the factory's call gate (limits, pacing, deadline, session retry,
 * trace); every List follows all pages (partial results keep the error: see `Collected`). Reads run at
 * the view's priority (interactive unless `with` says otherwise); the writes (`LatticeWriter`) are critical.
 */
import 'server-only';
import {
  GetAuthPolicyCommand,
  GetListenerCommand,
  GetRuleCommand,
  GetServiceCommand,
  GetServiceNetworkCommand,
  GetTargetGroupCommand,
  ListAccessLogSubscriptionsCommand,
  ListListenersCommand,
  ListRulesCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTargetGroupsCommand,
  ListTargetsCommand,
} from '@aws-sdk/client-vpc-lattice';
import type { CallOptions } from './callGate';
import type {
  AccessLogSubscription,
  Listener,
  Rule,
  Service,
  ServiceAssociation,
  ServiceNetwork,
  Target,
  TargetGroup,
  VpcAssociation,
} from '../domain/snapshot';
import { LatticeResourceReads } from './latticeResourceReads';
import {
  type ListenerDetail,
  type RuleSummary,
  toListener,
  toListenerDetail,
  toRule,
  toRuleSummary,
} from './listenerMappers';
import type { Collected } from './paginate';
import {
  type AuthPolicy,
  type NetworkSummary,
  toAccessLogSubscription,
  toAuthPolicy,
  toNetworkSummary,
  toService,
  toServiceAssociation,
  toServiceNetwork,
  toTarget,
  toTargetGroup,
  toVpcAssociation,
} from './resourceMappers';

/** See the module comment. Get it from `factory.gateways.lattice(scope)`. */
export class LatticeGateway extends LatticeResourceReads {
  /** The same gateway with other call options (e.g. a crawl's priority, deadline signal and meter). */
  with(opts: CallOptions): LatticeGateway {
    return new LatticeGateway(this.factory, this.scope, { ...this.opts, ...opts });
  }

  /** Assumes the account's role now (no-op with base credentials), so a denied role is known before any read. */
  ensureSession(): Promise<void> {
    return this.factory.gate.assumeRole(this.scope, this.opts);
  }

  listServiceNetworks(): Promise<Collected<NetworkSummary>> {
    return this.list(
      'ListServiceNetworks',
      undefined,
      (p) => new ListServiceNetworksCommand(p),
      (n) => toNetworkSummary(n, this.region, this.scope.accountId),
    );
  }

  listServices(): Promise<Collected<Service>> {
    return this.list(
      'ListServices',
      undefined,
      (p) => new ListServicesCommand(p),
      (s) => toService(s, this.region, this.scope.accountId),
    );
  }

  listTargetGroups(): Promise<Collected<TargetGroup>> {
    return this.list(
      'ListTargetGroups',
      undefined,
      (p) => new ListTargetGroupsCommand(p),
      (t) => toTargetGroup(t, this.region),
    );
  }

  async getServiceNetwork(arn: string): Promise<ServiceNetwork> {
    const out = await this.send(
      'GetServiceNetwork',
      arn,
      new GetServiceNetworkCommand({ serviceNetworkIdentifier: arn }),
    );
    return this.must('GetServiceNetwork', arn, toServiceNetwork(out, this.region, this.scope.accountId));
  }

  async getService(arn: string): Promise<Service> {
    const out = await this.send('GetService', arn, new GetServiceCommand({ serviceIdentifier: arn }));
    return this.must('GetService', arn, toService(out, this.region, this.scope.accountId));
  }

  async getTargetGroup(arn: string): Promise<TargetGroup> {
    const out = await this.send('GetTargetGroup', arn, new GetTargetGroupCommand({ targetGroupIdentifier: arn }));
    return this.must('GetTargetGroup', arn, toTargetGroup(out, this.region));
  }

  /** The service associations of a network, or of a service. */
  listServiceAssociations(
    of: { serviceNetworkArn: string } | { serviceArn: string },
  ): Promise<Collected<ServiceAssociation>> {
    const by =
      'serviceArn' in of ? { serviceIdentifier: of.serviceArn } : { serviceNetworkIdentifier: of.serviceNetworkArn };
    const arn = 'serviceArn' in of ? of.serviceArn : of.serviceNetworkArn;
    return this.list(
      'ListServiceNetworkServiceAssociations',
      arn,
      (p) => new ListServiceNetworkServiceAssociationsCommand({ ...by, ...p }),
      (a) => toServiceAssociation(a, this.region),
    );
  }

  listVpcAssociations(networkArn: string): Promise<Collected<VpcAssociation>> {
    return this.list(
      'ListServiceNetworkVpcAssociations',
      networkArn,
      (p) => new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: networkArn, ...p }),
      (a) => toVpcAssociation(a, this.region),
    );
  }

  listAccessLogSubscriptions(resourceArn: string): Promise<Collected<AccessLogSubscription>> {
    return this.list(
      'ListAccessLogSubscriptions',
      resourceArn,
      (p) => new ListAccessLogSubscriptionsCommand({ resourceIdentifier: resourceArn, ...p }),
      (s) => toAccessLogSubscription(s, this.region),
    );
  }

  listListeners(serviceArn: string): Promise<Collected<Listener>> {
    return this.list(
      'ListListeners',
      serviceArn,
      (p) => new ListListenersCommand({ serviceIdentifier: serviceArn, ...p }),
      (l) => toListener(l, serviceArn, this.region),
    );
  }

  async getListener(serviceArn: string, listenerArn: string): Promise<ListenerDetail> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn };
    const out = await this.send('GetListener', listenerArn, new GetListenerCommand(input));
    return this.must('GetListener', listenerArn, toListenerDetail(out, serviceArn, this.region));
  }

  listRules(serviceArn: string, listenerArn: string): Promise<Collected<RuleSummary>> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn };
    return this.list('ListRules', listenerArn, (p) => new ListRulesCommand({ ...input, ...p }), toRuleSummary);
  }

  /** GetRule; `rule` is the rule's ARN or id (named in errors as `resource`, default `rule`). */
  async getRule(serviceArn: string, listenerArn: string, rule: string, resource = rule): Promise<Rule> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, ruleIdentifier: rule };
    const out = await this.send('GetRule', resource, new GetRuleCommand(input));
    return this.must('GetRule', resource, toRule(out, serviceArn, listenerArn, this.region));
  }

  listTargets(targetGroupArn: string): Promise<Collected<Target>> {
    return this.list(
      'ListTargets',
      targetGroupArn,
      (p) => new ListTargetsCommand({ targetGroupIdentifier: targetGroupArn, ...p }),
      toTarget,
    );
  }

  async getAuthPolicy(arn: string): Promise<AuthPolicy> {
    return toAuthPolicy(await this.send('GetAuthPolicy', arn, new GetAuthPolicyCommand({ resourceIdentifier: arn })));
  }

  async listTags(arn: string): Promise<Record<string, string>> {
    return (
      (await this.send('ListTagsForResource', arn, new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}
    );
  }
}
