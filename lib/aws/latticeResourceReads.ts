/**
 * The reads of VPC resources, a layer of `LatticeGateway`: resource gateways, resource configurations,
 * their network and endpoint associations, the VPC endpoints into a network and domain verifications.
 * Every List follows all pages and keeps a partial result with its error (`Collected`). The List calls
 * take no filter where the API allows it, so one call per account covers the account.
 */
import 'server-only';
import {
  GetResourceConfigurationCommand,
  GetTargetGroupCommand,
  ListDomainVerificationsCommand,
  ListResourceConfigurationsCommand,
  ListResourceEndpointAssociationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
} from '@aws-sdk/client-vpc-lattice';
import type {
  DomainVerification,
  ResourceAssociation,
  ResourceConfiguration,
  ResourceEndpointAssociation,
  ResourceGateway,
  VpcEndpointAssociation,
} from '../domain/vpcResources';
import type { HealthCheckView } from '../domain/healthCheck';
import { toHealthCheckView } from './healthCheckMappers';
import { LatticeWriter } from './latticeWriter';
import type { Collected } from './paginate';
import {
  toDomainVerification,
  toResourceAssociation,
  toResourceConfiguration,
  toResourceEndpointAssociation,
  toResourceGateway,
  toVpcEndpointAssociation,
} from './vpcResourceMappers';

/** See the module comment. */
export class LatticeResourceReads extends LatticeWriter {
  /** Every resource gateway of the account (the list carries VPC, subnets, security groups, address type). */
  listResourceGateways(): Promise<Collected<ResourceGateway>> {
    return this.list(
      'ListResourceGateways',
      undefined,
      (p) => new ListResourceGatewaysCommand(p),
      (g) => toResourceGateway(g, this.region),
    );
  }

  /** The configurations the account owns or that are shared with it (list view). */
  listResourceConfigurations(): Promise<Collected<ResourceConfiguration>> {
    return this.list(
      'ListResourceConfigurations',
      undefined,
      (p) => new ListResourceConfigurationsCommand(p),
      (c) => toResourceConfiguration(c, this.region, this.scope.accountId),
    );
  }

  /** The full configuration: protocol, ports, definition and the reason of a failure. */
  async getResourceConfiguration(arn: string): Promise<ResourceConfiguration> {
    const input = { resourceConfigurationIdentifier: arn };
    const out = await this.send('GetResourceConfiguration', arn, new GetResourceConfigurationCommand(input));
    return this.must('GetResourceConfiguration', arn, toResourceConfiguration(out, this.region, this.scope.accountId));
  }

  /** Every network–configuration association the account can see (its networks' and its configurations'). */
  listResourceAssociations(): Promise<Collected<ResourceAssociation>> {
    return this.list(
      'ListServiceNetworkResourceAssociations',
      undefined,
      (p) => new ListServiceNetworkResourceAssociationsCommand(p),
      (a) => toResourceAssociation(a, this.region),
    );
  }

  /** The VPC endpoints connected to one configuration. */
  listResourceEndpointAssociations(configurationArn: string): Promise<Collected<ResourceEndpointAssociation>> {
    return this.list(
      'ListResourceEndpointAssociations',
      configurationArn,
      (p) => new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: configurationArn, ...p }),
      (a) => toResourceEndpointAssociation(a, this.region),
    );
  }

  /** The VPC endpoints into one network (its owner sees them all). */
  listVpcEndpointAssociations(networkArn: string): Promise<Collected<VpcEndpointAssociation>> {
    return this.list(
      'ListServiceNetworkVpcEndpointAssociations',
      networkArn,
      (p) => new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: networkArn, ...p }),
      (a) => toVpcEndpointAssociation(a, this.region, networkArn),
    );
  }

  /** The health-check settings of a target group (GetTargetGroup; the List lacks them). */
  async getHealthCheck(arn: string): Promise<HealthCheckView> {
    const out = await this.send('GetTargetGroup', arn, new GetTargetGroupCommand({ targetGroupIdentifier: arn }));
    return this.must('GetTargetGroup', arn, toHealthCheckView(out));
  }

  /** Every domain verification of the account, with its TXT record. */
  listDomainVerifications(): Promise<Collected<DomainVerification>> {
    return this.list(
      'ListDomainVerifications',
      undefined,
      (p) => new ListDomainVerificationsCommand(p),
      (d) => toDomainVerification(d, this.region),
    );
  }
}
