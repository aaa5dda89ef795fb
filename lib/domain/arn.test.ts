import { describe, expect, it } from 'vitest';
import { ownerOf, parseLatticeArn, shortId, targetGroupArn } from './arn';

const svc = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg';

describe('parseLatticeArn', () => {
  it('parses simple resources, listeners and rules', () => {
    expect(parseLatticeArn(svc)).toEqual({
      partition: 'aws',
      region: 'us-east-1',
      accountId: '222222222222',
      kind: 'service',
      id: 'svc-0123456789abcdefg',
    });
    const rule = `${svc}/listener/listener-0123456789abcdefg/rule/rule-0123456789abcdefg`;
    expect(parseLatticeArn(rule)).toMatchObject({
      kind: 'rule',
      id: 'rule-0123456789abcdefg',
      serviceId: 'svc-0123456789abcdefg',
      listenerId: 'listener-0123456789abcdefg',
    });
    expect(parseLatticeArn(`${svc}/listener/listener-0123456789abcdefg`)).toMatchObject({
      kind: 'listener',
      serviceId: 'svc-0123456789abcdefg',
    });
  });

  it('parses the VPC-resource kinds (gateways, configurations, their associations, domain verifications)', () => {
    const kinds = [
      ['resourcegateway', 'rgw'],
      ['resourceconfiguration', 'rcfg'],
      ['servicenetworkresourceassociation', 'snra'],
      ['resourceendpointassociation', 'rea'],
      ['domainverification', 'dv'],
    ];
    for (const [kind, prefix] of kinds) {
      const arn = `arn:aws:vpc-lattice:us-east-1:222222222222:${kind}/${prefix}-0123456789abcdefg`;
      expect(parseLatticeArn(arn)).toMatchObject({
        kind,
        accountId: '222222222222',
        id: `${prefix}-0123456789abcdefg`,
      });
    }
  });

  it('refuses what is not a Lattice ARN', () => {
    expect(parseLatticeArn('arn:aws:logs:us-east-1:111111111111:log-group:/x')).toBeUndefined();
    expect(parseLatticeArn('svc-0123456789abcdefg')).toBeUndefined();
    expect(parseLatticeArn(`${svc}/extra`)).toBeUndefined();
  });

  it('gives owner, short id and target group ARNs', () => {
    expect(ownerOf(svc)).toBe('222222222222');
    expect(shortId(svc)).toBe('svc-0123456789abcdefg');
    expect(shortId('not-an-arn')).toBe('not-an-arn');
    expect(targetGroupArn('aws', 'us-east-1', '222222222222', 'tg-0123456789abcdefg')).toBe(
      'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg',
    );
  });
});
