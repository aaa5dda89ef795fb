/**
 * The VPC resources of the `fleet` scenario, in proportion to its services: one resource gateway per
 * account and `resourceConfigurations` configurations (by default one per ten services) spread
 * round-robin over the accounts — databases by DNS name on TCP 5432, every third an IP resource on a
 * port range — each associated with one of the shared meshes. Built after the services, so the ids of
 * everything else do not depend on them.
 */
import type { Rng } from '../core/rng';
import { asAccount } from '../lattice/invoke';
import type { EmulatorState } from '../state';
import type { ScenarioAccount } from './accounts';

const REGION = 'us-east-1';
const HEX = '0123456789abcdef';

/** Builds `count` resource configurations over `accounts`, associated with the meshes (network ARNs). */
export function addFleetResources(
  state: EmulatorState,
  rng: Rng,
  accounts: readonly ScenarioAccount[],
  meshArns: readonly string[],
  count: number,
): void {
  if (count === 0 || meshArns.length === 0) return;
  const gateways = accounts.map((a, ai) =>
    asAccount(
      state,
      a.id,
      REGION,
    )('CreateResourceGateway', {
      name: `${a.name}-gw`,
      vpcIdentifier: `vpc-fleet${String(ai).padStart(12, '0')}`,
      subnetIds: [`subnet-${rng.chars(17, HEX)}`, `subnet-${rng.chars(17, HEX)}`],
      securityGroupIds: [`sg-${rng.chars(17, HEX)}`],
    }),
  );
  for (let i = 0; i < count; i++) {
    const ai = i % accounts.length;
    const call = asAccount(state, accounts[ai]!.id, REGION);
    const ip = i % 3 === 2;
    const rc = call('CreateResourceConfiguration', {
      name: `${ip ? 'legacy' : 'db'}-${String(i).padStart(4, '0')}`,
      type: 'SINGLE',
      resourceGatewayIdentifier: gateways[ai]!.id,
      protocol: 'TCP',
      portRanges: ip ? ['7000-7010'] : ['5432'],
      resourceConfigurationDefinition: ip
        ? { ipResource: { ipAddress: `10.250.${Math.floor(i / 250) % 250}.${(i % 250) + 1}` } }
        : { dnsResource: { domainName: `db-${i}.cluster-${rng.chars(12, HEX)}.${REGION}.rds.amazonaws.com` } },
    });
    call('CreateServiceNetworkResourceAssociation', {
      resourceConfigurationIdentifier: rc.id,
      serviceNetworkIdentifier: meshArns[Math.floor(i / accounts.length) % meshArns.length],
    });
  }
}
