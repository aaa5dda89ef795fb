/**
 * Facts of the CloudFormation templates, read as YAML (short-form intrinsics such as `!Ref` become
 * `{ Ref: ... }` objects): the things a deployment needs on day one and the least-privilege rules.
 * `cfn-lint deploy/*.yaml` (run by `npm test`) checks them against the CloudFormation schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type ScalarTag, type CollectionTag } from 'yaml';

type Node = Record<string, unknown>;

const INTRINSICS = [
  'Ref',
  'Sub',
  'GetAtt',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'Select',
  'Split',
  'Join',
  'FindInMap',
  'Condition',
];

/** `!Name x` → `{ "Ref": x }` or `{ "Fn::Name": x }`, in scalar and sequence form. */
const cfnTags: Array<ScalarTag | CollectionTag> = INTRINSICS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const scalar: ScalarTag = {
    tag: `!${name}`,
    resolve: (value: string) => ({ [key]: name === 'GetAtt' ? value.split('.') : value }),
  };
  const seq: CollectionTag = {
    tag: `!${name}`,
    collection: 'seq',
    resolve: (value) => ({ [key]: (value as unknown as { toJSON(): unknown }).toJSON() }),
  };
  return [scalar, seq];
});

function template(file: string): Node {
  return parse(readFileSync(join(__dirname, file), 'utf8'), { customTags: cfnTags }) as Node;
}

const ecs = template('trellis-ecs.yaml');
const members = template('trellis-member-roles.yaml');

const at = (n: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) => (v as Node | undefined)?.[k], n);
const resource = (t: Node, name: string) => at(t, 'Resources', name) as Node;

const container = (at(resource(ecs, 'TaskDefinition'), 'Properties', 'ContainerDefinitions') as Node[])[0] as Node;
const env = Object.fromEntries(
  (container.Environment as Array<{ Name: string; Value: unknown }>).map((e) => [e.Name, e.Value]),
);

describe('trellis-ecs.yaml: a deployment that comes up', () => {
  it('listens on every interface whatever HOSTNAME Fargate injects', () => {
    expect(env.TRELLIS_LISTEN_HOST).toBe('0.0.0.0');
    expect(env.HOSTNAME).toBe('0.0.0.0');
  });

  it("keeps connections open longer than the load balancer's idle timeout", () => {
    const attrs = at(resource(ecs, 'LoadBalancer'), 'Properties', 'LoadBalancerAttributes') as Node[];
    const idle = attrs.find((a) => a.Key === 'idle_timeout.timeout_seconds')?.Value;
    expect(Number(idle)).toBeGreaterThan(0);
    expect(Number(env.KEEP_ALIVE_TIMEOUT)).toBeGreaterThan(Number(idle) * 1000);
  });

  it('runs the architecture the image was built for, chosen by a parameter', () => {
    expect(at(resource(ecs, 'TaskDefinition'), 'Properties', 'RuntimePlatform', 'CpuArchitecture')).toEqual({
      Ref: 'CpuArchitecture',
    });
    expect(at(ecs, 'Parameters', 'CpuArchitecture', 'AllowedValues')).toEqual(['X86_64', 'ARM64']);
  });

  it('mounts writable volumes only where the image declares them (deploy/dockerfile.test.ts)', () => {
    const mounts = (container.MountPoints as Node[]).map((m) => m.ContainerPath).sort();
    expect(mounts).toEqual(['/app/.next/cache', '/tmp']);
    expect(container.ReadonlyRootFilesystem).toBe(true);
  });

  it('refuses to deploy without complete OIDC settings, or complete Cognito settings', () => {
    const asserted = (rule: string) =>
      (at(ecs, 'Rules', rule, 'Assertions') as Node[]).map((a) => JSON.stringify(a.Assert));
    expect(at(ecs, 'Rules', 'OidcSignIn', 'RuleCondition')).toEqual({
      'Fn::Equals': [{ Ref: 'CognitoUserPoolArn' }, ''],
    });
    for (const p of [
      'OidcIssuer',
      'OidcAuthorizationEndpoint',
      'OidcTokenEndpoint',
      'OidcUserInfoEndpoint',
      'OidcClientId',
      'OidcClientSecretId',
    ])
      expect(asserted('OidcSignIn')).toContain(JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: p }, ''] }] }));
    expect(at(ecs, 'Rules', 'CognitoSignIn', 'RuleCondition')).toEqual({
      'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'CognitoUserPoolArn' }, ''] }],
    });
    for (const p of ['CognitoUserPoolClientId', 'CognitoUserPoolDomain'])
      expect(asserted('CognitoSignIn')).toContain(JSON.stringify({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: p }, ''] }] }));
  });

  it('redeploys over a retained audit log group instead of colliding with its name', () => {
    const group = resource(ecs, 'AuditLogGroup');
    expect(group.DeletionPolicy).toBe('Retain');
    expect(group.Condition).toBe('CreateAuditLogGroup');
    expect(at(ecs, 'Conditions', 'CreateAuditLogGroup')).toEqual({
      'Fn::Equals': [{ Ref: 'AuditLogGroupExists' }, 'false'],
    });
    // Nothing may need the (possibly absent) resource itself: everything names the group by its parameter.
    const text = readFileSync(join(__dirname, 'trellis-ecs.yaml'), 'utf8');
    expect(text).not.toMatch(/!GetAtt AuditLogGroup\b|!Ref AuditLogGroup\b|\$\{AuditLogGroup\}/);
  });

  it('writes load balancer access logs only when a bucket is given', () => {
    expect(at(ecs, 'Parameters', 'LoadBalancerLogsBucket', 'Default')).toBe('');
    const attrs = at(resource(ecs, 'LoadBalancer'), 'Properties', 'LoadBalancerAttributes') as Node[];
    expect(attrs).toContainEqual({
      Key: 'access_logs.s3.enabled',
      Value: { 'Fn::If': ['WithLoadBalancerLogs', 'true', 'false'] },
    });
    expect(attrs).toContainEqual({
      'Fn::If': [
        'WithLoadBalancerLogs',
        { Key: 'access_logs.s3.bucket', Value: { Ref: 'LoadBalancerLogsBucket' } },
        { Ref: 'AWS::NoValue' },
      ],
    });
  });
});

describe('trellis-ecs.yaml: sign-in settings reach the console', () => {
  it("checks the token's client and issuer against the listener's own sign-in", () => {
    expect(env.TRELLIS_ALB_CLIENT_ID).toEqual({
      'Fn::If': ['UseCognito', { Ref: 'CognitoUserPoolClientId' }, { Ref: 'OidcClientId' }],
    });
    const issuer = env.TRELLIS_ALB_ISSUER as { 'Fn::If': unknown[] };
    expect(issuer['Fn::If'][0]).toBe('UseCognito');
    expect(JSON.stringify(issuer['Fn::If'][1])).toContain(
      `https://cognito-idp.\${AWS::Region}.amazonaws.com/\${PoolId}`,
    );
    expect(issuer['Fn::If'][2]).toEqual({ Ref: 'OidcIssuer' });
  });

  it('passes the viewer allow-list and the sign-out destination', () => {
    expect(env.TRELLIS_VIEWER_CLAIM).toEqual({ Ref: 'ViewerClaim' });
    expect(env.TRELLIS_VIEWER_VALUES).toEqual({ Ref: 'ViewerValues' });
    expect(env.TRELLIS_SIGN_OUT_URL).toEqual({ Ref: 'SignOutUrl' });
  });
});

describe('least privilege in the templates', () => {
  const policies = (t: Node, role: string) => at(resource(t, role), 'Properties', 'Policies') as Node[];

  it('gives the task role the audit log whatever HubAccess is', () => {
    const audit = policies(ecs, 'TaskRole').find((p) => p.PolicyName === 'audit-log');
    expect(audit, 'an unconditional audit-log policy').toBeDefined();
    const sids = (at(audit, 'PolicyDocument', 'Statement') as Node[]).map((s) => s.Sid);
    expect(sids).toEqual(['WriteAuditLog', 'ReadAuditLog', 'ReadAuditQueryResults']);
  });

  it('gives Lattice changes in the console account only with HubAccess=Operator', () => {
    const changes = policies(ecs, 'TaskRole').filter((p) => JSON.stringify(p).includes('vpc-lattice:UpdateRule'));
    expect(changes).toHaveLength(1);
    expect((changes[0]?.['Fn::If'] as unknown[] | undefined)?.[0]).toBe('HubChanges');
  });

  for (const role of ['ReadOnlyRole', 'OperatorRole']) {
    it(`${role}: trusted only by the console inside the organization, with ExternalId and SourceIdentity`, () => {
      const trust = at(resource(members, role), 'Properties', 'AssumeRolePolicyDocument', 'Statement') as Node[];
      const assume = trust.find((s) => s.Action === 'sts:AssumeRole');
      expect(assume?.Principal).toEqual({ AWS: { Ref: 'ConsoleRoleArn' } });
      expect(assume?.Condition).toEqual({
        StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' }, 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
        Null: { 'sts:SourceIdentity': 'false' },
      });
      const source = trust.find((s) => s.Action === 'sts:SetSourceIdentity');
      expect(source?.Condition).toEqual({
        StringEquals: { 'aws:PrincipalOrgID': { Ref: 'OrganizationId' } },
        StringLike: { 'sts:SourceIdentity': '?*' },
      });
    });
  }

  it('keeps reads out of the operator role: the console reads through the read role, writes through this one', () => {
    const text = JSON.stringify(policies(members, 'OperatorRole'));
    expect(text).not.toMatch(/vpc-lattice:(?:Get|List)|logs:/);
    expect(text).toContain('vpc-lattice:UpdateRule');
  });

  it("scopes the member roles' changes to listeners and rules of their account and trellis:* tags", () => {
    const statements = at(policies(members, 'OperatorRole')[0], 'PolicyDocument', 'Statement') as Node[];
    for (const s of statements)
      expect(s.Resource).toEqual([
        { 'Fn::Sub': `arn:\${AWS::Partition}:vpc-lattice:*:\${AWS::AccountId}:service/*/listener/*` },
        { 'Fn::Sub': `arn:\${AWS::Partition}:vpc-lattice:*:\${AWS::AccountId}:service/*/listener/*/rule/*` },
      ]);
    expect(statements.find((s) => s.Sid === 'TagCanaryPlans')?.Condition).toEqual({
      'ForAllValues:StringLike': { 'aws:TagKeys': ['trellis:*'] },
    });
  });

  it('lets the member read role query only the access-log groups', () => {
    const statements = at(policies(members, 'ReadOnlyRole')[0], 'PolicyDocument', 'Statement') as Node[];
    expect(statements.find((s) => s.Sid === 'QueryAccessLogs')?.Resource).toEqual([
      { 'Fn::Sub': `arn:\${AWS::Partition}:logs:*:\${AWS::AccountId}:log-group:\${AccessLogGroupPrefix}*` },
    ]);
  });
});
