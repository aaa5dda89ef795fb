/**
 * The VPC resources the emulator holds, read with the real AWS SDK and each account's own keys: the
 * truth e2e/resources.spec.ts compares the graph and the side panel with (no hard-coded names).
 */
import {
  GetResourceConfigurationCommand,
  ListDomainVerificationsCommand,
  ListListenersCommand,
  ListResourceConfigurationsCommand,
  ListResourceEndpointAssociationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
  VPCLatticeClient,
} from '@aws-sdk/client-vpc-lattice';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';

/** What the resources spec checks. */
export interface ResourcesTruth {
  gateways: Array<{ arn: string; name: string; accountId: string }>;
  configs: Array<{ arn: string; name: string; status: string; failureReason?: string; gatewayArn: string }>;
  associations: Array<{ networkArn: string; configArn: string }>;
  endpointsIntoNetworks: Array<{ vpcId: string; networkArn: string; vpcEndpointId: string }>;
  resourceEndpoints: Array<{ configArn: string; vpcEndpointId: string }>;
  domains: Array<{ arn: string; name: string; status: string; txtName?: string; txtValue?: string }>;
  passthrough: Array<{ serviceArn: string; name: string; customDomainName?: string }>;
}

const own = (arn: string | undefined, id: string) => arn?.includes(`:${id}:`) === true;

/** Reads the truth from the emulator at `endpoint`. */
export async function resourcesTruth(endpoint: string): Promise<ResourcesTruth> {
  const t: ResourcesTruth = {
    gateways: [],
    configs: [],
    associations: [],
    endpointsIntoNetworks: [],
    resourceEndpoints: [],
    domains: [],
    passthrough: [],
  };
  for (const a of STANDARD_ACCOUNTS.slice(0, 3)) {
    const lattice = new VPCLatticeClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: a.accessKeyId, secretAccessKey: a.secretAccessKey },
    });
    const gws = (await lattice.send(new ListResourceGatewaysCommand({}))).items ?? [];
    for (const g of gws) t.gateways.push({ arn: g.arn!, name: g.name!, accountId: a.id });
    const configs = ((await lattice.send(new ListResourceConfigurationsCommand({}))).items ?? []).filter((c) =>
      own(c.arn, a.id),
    );
    for (const c of configs) {
      const full = await lattice.send(new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: c.arn }));
      t.configs.push({
        arn: c.arn!,
        name: c.name!,
        status: full.status!,
        ...(full.failureReason ? { failureReason: full.failureReason } : {}),
        gatewayArn: gws.find((g) => g.id === c.resourceGatewayId)!.arn!,
      });
      const eps = await lattice.send(
        new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: c.arn }),
      );
      for (const e of eps.items ?? []) t.resourceEndpoints.push({ configArn: c.arn!, vpcEndpointId: e.vpcEndpointId! });
    }
    for (const r of (await lattice.send(new ListServiceNetworkResourceAssociationsCommand({}))).items ?? [])
      if (own(r.arn, a.id))
        t.associations.push({ networkArn: r.serviceNetworkArn!, configArn: r.resourceConfigurationArn! });
    for (const n of (await lattice.send(new ListServiceNetworksCommand({}))).items ?? []) {
      if (!own(n.arn, a.id)) continue;
      const out = await lattice.send(
        new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: n.arn }),
      );
      for (const e of out.items ?? [])
        t.endpointsIntoNetworks.push({ vpcId: e.vpcId!, networkArn: n.arn!, vpcEndpointId: e.vpcEndpointId! });
    }
    for (const d of (await lattice.send(new ListDomainVerificationsCommand({}))).items ?? [])
      t.domains.push({
        arn: d.arn!,
        name: d.domainName!,
        status: d.status!,
        ...(d.txtMethodConfig ? { txtName: d.txtMethodConfig.name!, txtValue: d.txtMethodConfig.value! } : {}),
      });
    for (const s of (await lattice.send(new ListServicesCommand({}))).items ?? []) {
      if (!own(s.arn, a.id)) continue;
      const ls = (await lattice.send(new ListListenersCommand({ serviceIdentifier: s.arn }))).items ?? [];
      if (ls.some((l) => l.protocol === 'TLS_PASSTHROUGH'))
        t.passthrough.push({
          serviceArn: s.arn!,
          name: s.name!,
          ...(s.customDomainName ? { customDomainName: s.customDomainName } : {}),
        });
    }
  }
  return t;
}
