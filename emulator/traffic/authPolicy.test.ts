import { describe, expect, it } from 'vitest';
import { evaluatePolicy, type AuthPrincipal, type AuthRequest } from './authPolicy';
import { globMatch } from './glob';

const SVC = 'arn:aws:vpc-lattice:us-east-1:222222222222:service/svc-0123456789abcdefg';
const checkout: AuthPrincipal = {
  accountId: '333333333333',
  arn: 'arn:aws:sts::333333333333:assumed-role/checkout/task-1',
  roleArn: 'arn:aws:iam::333333333333:role/checkout',
  orgId: 'o-abc123',
};

function req(principal?: AuthPrincipal, path = '/refund', method = 'POST'): AuthRequest {
  return {
    ...(principal ? { principal } : {}),
    action: 'vpc-lattice-svcs:Invoke',
    resource: `${SVC}${path}`,
    context: {
      serviceNetworkArn: 'arn:aws:vpc-lattice:us-east-1:111111111111:servicenetwork/sn-0123456789abcdefg',
      serviceArn: SVC,
      sourceVpc: 'vpc-0a',
      sourceVpcOwnerAccount: '333333333333',
      requestMethod: method,
      requestPath: path,
    },
  };
}

const allow = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 'vpc-lattice-svcs:Invoke',
  Resource: '*',
  ...extra,
});
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('evaluatePolicy', () => {
  it('allows with Principal "*" (anonymous included) and denies by default', () => {
    expect(evaluatePolicy(doc(allow()), req())).toBe('Allow');
    expect(evaluatePolicy(doc(allow()), req(checkout))).toBe('Allow');
    expect(evaluatePolicy(doc(), req(checkout))).toBe('ImplicitDeny');
    expect(evaluatePolicy('not json', req(checkout))).toBe('ImplicitDeny');
  });

  it('matches AWS principals by account id, :root, role ARN (for its sessions), session ARN and lists', () => {
    for (const AWS of [
      '333333333333',
      'arn:aws:iam::333333333333:root',
      checkout.roleArn,
      checkout.arn,
      ['111111111111', checkout.roleArn],
      '*',
    ]) {
      expect(evaluatePolicy(doc(allow({ Principal: { AWS } })), req(checkout))).toBe('Allow');
    }
    for (const AWS of ['222222222222', 'arn:aws:iam::333333333333:role/other', 'arn:aws:iam::222222222222:root']) {
      expect(evaluatePolicy(doc(allow({ Principal: { AWS } })), req(checkout))).toBe('ImplicitDeny');
    }
    expect(evaluatePolicy(doc(allow({ Principal: { AWS: '333333333333' } })), req())).toBe('ImplicitDeny');
    expect(evaluatePolicy(doc(allow({ Principal: { AWS: '*' } })), req())).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Principal: { Service: 'lambda.amazonaws.com' } })), req(checkout))).toBe(
      'ImplicitDeny',
    );
  });

  it('matches actions case-insensitively with wildcards, resources as ARN patterns of service + path', () => {
    expect(evaluatePolicy(doc(allow({ Action: 'vpc-lattice-svcs:*' })), req(checkout))).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Action: ['s3:GetObject', 'VPC-Lattice-Svcs:invoke'] })), req(checkout))).toBe(
      'Allow',
    );
    expect(evaluatePolicy(doc(allow({ Action: '*' })), req(checkout))).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Action: 'vpc-lattice:*' })), req(checkout))).toBe('ImplicitDeny');
    expect(evaluatePolicy(doc(allow({ Resource: `${SVC}/*` })), req(checkout))).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Resource: `${SVC}/ref?nd` })), req(checkout))).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Resource: `${SVC}/v2/*` })), req(checkout))).toBe('ImplicitDeny');
    expect(
      evaluatePolicy(doc(allow({ Resource: 'arn:aws:vpc-lattice:us-east-1:222222222222:service/*' })), req(checkout)),
    ).toBe('Allow');
    expect(evaluatePolicy(doc(allow({ Action: undefined })), req(checkout))).toBe('ImplicitDeny');
  });

  it('lets an explicit Deny win over any Allow', () => {
    const deny = { Effect: 'Deny', Principal: { AWS: checkout.roleArn }, Action: '*', Resource: `${SVC}/refund` };
    expect(evaluatePolicy(doc(allow(), deny), req(checkout))).toBe('ExplicitDeny');
    expect(evaluatePolicy(doc(deny, allow()), req(checkout))).toBe('ExplicitDeny');
    expect(evaluatePolicy(doc(allow(), deny), req(checkout, '/status'))).toBe('Allow');
  });

  it('evaluates the String* conditions it knows, with IAM missing-key rules', () => {
    const c = (Condition: unknown) => evaluatePolicy(doc(allow({ Condition })), req(checkout));
    expect(c({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } })).toBe('Allow');
    expect(c({ StringEquals: { 'aws:principalorgid': ['o-x', 'o-abc123'] } })).toBe('Allow');
    expect(c({ StringEquals: { 'aws:PrincipalOrgID': 'o-other' } })).toBe('ImplicitDeny');
    expect(
      c({
        StringLike: { 'vpc-lattice-svcs:RequestPath': '/ref*' },
        StringEqualsIgnoreCase: { 'vpc-lattice-svcs:RequestMethod': 'post' },
      }),
    ).toBe('Allow');
    expect(c({ StringNotEquals: { 'vpc-lattice-svcs:SourceVpcOwnerAccount': '333333333333' } })).toBe('ImplicitDeny');
    expect(c({ StringEquals: { 'aws:PrincipalArn': checkout.roleArn } })).toBe('Allow');
    // Anonymous: positive operators on principal keys fail, negated ones and IfExists hold.
    const anon = (Condition: unknown) => evaluatePolicy(doc(allow({ Condition })), req());
    expect(anon({ StringEquals: { 'aws:PrincipalAccount': '333333333333' } })).toBe('ImplicitDeny');
    expect(anon({ StringNotEquals: { 'aws:PrincipalAccount': '444444444444' } })).toBe('Allow');
    expect(anon({ StringEqualsIfExists: { 'aws:PrincipalAccount': '444444444444' } })).toBe('Allow');
  });

  it('fails closed on syntax it does not understand: an Allow grants nothing, a Deny denies', () => {
    const c = (Condition: unknown) => evaluatePolicy(doc(allow({ Condition })), req(checkout));
    expect(c({ StringEquals: { 'aws:SourceIp': '10.0.0.1' } })).toBe('ImplicitDeny');
    expect(c({ IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } })).toBe('ImplicitDeny');
    expect(c({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-abc123' } })).toBe('ImplicitDeny');
    expect(c({ StringEquals: { 'aws:PrincipalOrgID': { nested: true } } })).toBe('ImplicitDeny');
    expect(c('junk')).toBe('ImplicitDeny');
    expect(evaluatePolicy(doc(allow({ NotPrincipal: { AWS: '222222222222' } })), req(checkout))).toBe('ImplicitDeny');
    expect(evaluatePolicy(doc(allow({ Effect: 'Maybe' })), req(checkout))).toBe('ImplicitDeny');
    // A Deny it cannot fully read still denies when its principal, action and resource match.
    expect(evaluatePolicy(doc(allow(), allow({ Effect: 'Deny', Condition: { Bogus: {} } })), req(checkout))).toBe(
      'ExplicitDeny',
    );
    expect(
      evaluatePolicy(
        doc(allow(), allow({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:root' } })),
        req(checkout),
      ),
    ).toBe('ExplicitDeny');
    expect(
      evaluatePolicy(
        doc(allow(), allow({ Effect: 'Deny', Principal: { AWS: '999999999999' }, Condition: { Bogus: {} } })),
        req(checkout),
      ),
    ).toBe('Allow');
  });
});

describe('globMatch', () => {
  it('matches * and ? without backtracking blow-ups', () => {
    expect(globMatch('a*c', 'abbbc')).toBe(true);
    expect(globMatch('a*c', 'abbbd')).toBe(false);
    expect(globMatch('a?c', 'abc')).toBe(true);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('', 'x')).toBe(false);
    expect(globMatch('*a*a*a*a*a*b', 'a'.repeat(5000))).toBe(false);
  });
});
