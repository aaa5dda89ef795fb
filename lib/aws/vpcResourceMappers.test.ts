import { describe, expect, it } from 'vitest';
import {
  toDefinition,
  toDomainVerification,
  toResourceAssociation,
  toResourceConfiguration,
  toResourceEndpointAssociation,
  toResourceGateway,
  toVpcEndpointAssociation,
} from './vpcResourceMappers';

const R = 'us-east-1';
const PAY = '222222222222';
const rcfgArn = `arn:aws:vpc-lattice:${R}:${PAY}:resourceconfiguration/rcfg-0123456789abcdefg`;
const snArn = `arn:aws:vpc-lattice:${R}:111111111111:servicenetwork/sn-0123456789abcdefg`;

describe('VPC resource mappers', () => {
  it('reads a resource gateway with its subnets, security groups and address type', () => {
    const g = toResourceGateway(
      {
        arn: `arn:aws:vpc-lattice:${R}:${PAY}:resourcegateway/rgw-0123456789abcdefg`,
        id: 'rgw-0123456789abcdefg',
        name: 'data-gw',
        status: 'ACTIVE',
        vpcIdentifier: 'vpc-1',
        subnetIds: ['subnet-a', 'subnet-b'],
        securityGroupIds: ['sg-1'],
        ipAddressType: 'DUALSTACK',
      },
      R,
    );
    expect(g).toEqual({
      arn: `arn:aws:vpc-lattice:${R}:${PAY}:resourcegateway/rgw-0123456789abcdefg`,
      id: 'rgw-0123456789abcdefg',
      accountId: PAY,
      region: R,
      name: 'data-gw',
      status: 'ACTIVE',
      vpcId: 'vpc-1',
      ipAddressType: 'DUALSTACK',
      subnetIds: ['subnet-a', 'subnet-b'],
      securityGroupIds: ['sg-1'],
    });
    expect(toResourceGateway({ name: 'no-arn' }, R)).toBeUndefined();
  });

  it('reads the list view of a configuration without the fields only Get has', () => {
    const c = toResourceConfiguration(
      { arn: rcfgArn, id: 'rcfg-0123456789abcdefg', name: 'db', type: 'SINGLE', status: 'ACTIVE' },
      R,
      '333333333333',
    );
    expect(c).toEqual({
      arn: rcfgArn,
      id: 'rcfg-0123456789abcdefg',
      accountId: PAY,
      region: R,
      name: 'db',
      type: 'SINGLE',
      status: 'ACTIVE',
      visibleTo: ['333333333333'],
    });
  });

  it('reads a failed configuration from Get with its reason, ports, protocol and definition', () => {
    const c = toResourceConfiguration(
      {
        arn: rcfgArn,
        id: 'rcfg-0123456789abcdefg',
        name: 'ledger',
        type: 'SINGLE',
        status: 'UPDATE_FAILED',
        failureReason: 'cannot reach 10.0.0.1:1521',
        protocol: 'TCP',
        portRanges: ['1521', '7000-7010'],
        resourceGatewayId: 'rgw-0123456789abcdefg',
        resourceConfigurationDefinition: { ipResource: { ipAddress: '10.0.0.1' } },
        customDomainName: 'ledger.example.com',
        domainVerificationId: 'dv-1',
        domainVerificationStatus: 'PENDING',
      },
      R,
      PAY,
    );
    expect(c).toMatchObject({
      status: 'UPDATE_FAILED',
      failureReason: 'cannot reach 10.0.0.1:1521',
      protocol: 'TCP',
      portRanges: ['1521', '7000-7010'],
      resourceGatewayId: 'rgw-0123456789abcdefg',
      definition: { kind: 'ip', ipAddress: '10.0.0.1' },
      customDomainName: 'ledger.example.com',
      domainVerificationStatus: 'PENDING',
    });
  });

  it('reads each kind of resource definition, and nothing from an empty one', () => {
    expect(toDefinition({ dnsResource: { domainName: 'db.example.com', ipAddressType: 'IPV4' } })).toEqual({
      kind: 'dns',
      domainName: 'db.example.com',
      ipAddressType: 'IPV4',
    });
    expect(toDefinition({ arnResource: { arn: 'arn:aws:rds:x' } })).toEqual({ kind: 'arn', arn: 'arn:aws:rds:x' });
    expect(toDefinition({ cidrResource: { cidrRanges: ['10.0.0.0/24'] } })).toEqual({
      kind: 'cidr',
      cidrRanges: ['10.0.0.0/24'],
    });
    expect(toDefinition(undefined)).toBeUndefined();
    expect(toDefinition({ dnsResource: {} } as never)).toBeUndefined();
  });

  it('reads a resource association with its DNS names and failure code; drops one without its ends', () => {
    const a = toResourceAssociation(
      {
        arn: `arn:aws:vpc-lattice:${R}:${PAY}:servicenetworkresourceassociation/snra-0123456789abcdefg`,
        id: 'snra-0123456789abcdefg',
        serviceNetworkArn: snArn,
        resourceConfigurationArn: rcfgArn,
        status: 'CREATE_FAILED',
        failureCode: 'InsufficientPermissions',
        dnsEntry: { domainName: 'snra.on.aws' },
        privateDnsEntry: { domainName: 'db.example.com' },
        createdBy: PAY,
      },
      R,
    );
    expect(a).toMatchObject({
      serviceNetworkArn: snArn,
      resourceConfigurationArn: rcfgArn,
      status: 'CREATE_FAILED',
      failureCode: 'InsufficientPermissions',
      dnsName: 'snra.on.aws',
      privateDnsName: 'db.example.com',
      createdBy: PAY,
    });
    expect(toResourceAssociation({ arn: 'a', id: 'b', serviceNetworkArn: snArn }, R)).toBeUndefined();
  });

  it('reads a resource endpoint association', () => {
    expect(
      toResourceEndpointAssociation(
        {
          arn: `arn:aws:vpc-lattice:${R}:${PAY}:resourceendpointassociation/rea-0123456789abcdefg`,
          id: 'rea-0123456789abcdefg',
          resourceConfigurationArn: rcfgArn,
          vpcEndpointId: 'vpce-1',
          vpcEndpointOwner: '333333333333',
        },
        R,
      ),
    ).toMatchObject({ accountId: PAY, vpcEndpointId: 'vpce-1', vpcEndpointOwner: '333333333333' });
  });

  it('keys a VPC endpoint association (no ARN) by network and endpoint, owned by the endpoint owner', () => {
    const e = toVpcEndpointAssociation(
      { vpcEndpointId: 'vpce-9', vpcId: 'vpc-2', vpcEndpointOwnerId: '333333333333', id: 'snea-1', state: 'Available' },
      R,
      snArn,
    );
    expect(e).toEqual({
      arn: `${snArn}#endpoint/vpce-9`,
      id: 'snea-1',
      accountId: '333333333333',
      region: R,
      serviceNetworkArn: snArn,
      vpcEndpointId: 'vpce-9',
      vpcId: 'vpc-2',
      state: 'Available',
    });
    expect(toVpcEndpointAssociation({ vpcId: 'vpc-2' }, R, snArn)).toBeUndefined();
  });

  it('reads a domain verification with the TXT record to create', () => {
    const d = toDomainVerification(
      {
        arn: `arn:aws:vpc-lattice:${R}:${PAY}:domainverification/dv-0123456789abcdefg`,
        id: 'dv-0123456789abcdefg',
        domainName: 'example.net',
        status: 'PENDING',
        txtMethodConfig: { name: '_vpc-lattice-verification.example.net', value: 'vpc-lattice-domain-verification=1' },
        createdAt: new Date(0),
        lastVerifiedTime: new Date(0),
      },
      R,
    );
    expect(d).toMatchObject({
      domainName: 'example.net',
      status: 'PENDING',
      txtName: '_vpc-lattice-verification.example.net',
      txtValue: 'vpc-lattice-domain-verification=1',
      lastVerifiedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(
      toDomainVerification({ arn: 'x', id: 'y', domainName: undefined, status: 'PENDING', createdAt: undefined }, R),
    ).toBeUndefined();
  });
});
