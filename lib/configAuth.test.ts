import { describe, expect, it } from 'vitest';
import { defaultAlbKeysUrl, parseAuth, regionOfArn } from './configAuth';

const albArn = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/trellis/50dc6c495c0c9188';

function parse(env: Record<string, string>) {
  const issues: string[] = [];
  const auth = parseAuth(env, issues);
  return { auth, issues };
}

describe('parseAuth', () => {
  it('maps an operator claim and comma-separated values, trimming blanks', () => {
    const { auth, issues } = parse({
      TRELLIS_ALB_ARN: albArn,
      TRELLIS_OPERATOR_CLAIM: 'cognito:groups',
      TRELLIS_OPERATOR_VALUES: ' trellis-operators, sre ,,',
    });
    expect(issues).toEqual([]);
    expect(auth).toEqual({
      mode: 'alb',
      albArn,
      roles: { claim: 'cognito:groups', operatorValues: ['trellis-operators', 'sre'] },
    });
  });

  it('defaults to the groups claim and no operators', () => {
    expect(parse({}).auth).toEqual({ mode: 'alb', roles: { claim: 'groups', operatorValues: [] } });
  });

  it('drops trailing slashes of the key URL and rejects bad claim names', () => {
    const { auth, issues } = parse({
      TRELLIS_ALB_KEYS_URL: 'http://127.0.0.1:4696/keys/',
      TRELLIS_OPERATOR_CLAIM: 'groups[0]',
    });
    expect(auth).toMatchObject({ keysUrl: 'http://127.0.0.1:4696/keys' });
    expect(issues).toEqual([
      "TRELLIS_OPERATOR_CLAIM: must be a claim name of 1-128 characters [A-Za-z0-9_:./-], got 'groups[0]'",
    ]);
  });

  it('reads the token client and issuer, the viewer allow-list and the sign-out destination', () => {
    const { auth, issues } = parse({
      TRELLIS_ALB_ARN: albArn,
      TRELLIS_ALB_CLIENT_ID: '4f1c7c2a-client',
      TRELLIS_ALB_ISSUER: 'https://login.example.com/tenant/v2.0',
      TRELLIS_VIEWER_CLAIM: 'cognito:groups',
      TRELLIS_VIEWER_VALUES: 'staff, sre',
      TRELLIS_SIGN_OUT_URL: 'https://login.example.com/logout',
    });
    expect(issues).toEqual([]);
    expect(auth).toEqual({
      mode: 'alb',
      albArn,
      clientId: '4f1c7c2a-client',
      issuer: 'https://login.example.com/tenant/v2.0',
      roles: { claim: 'groups', operatorValues: [] },
      viewers: { claim: 'cognito:groups', values: ['staff', 'sre'] },
      signOutUrl: 'https://login.example.com/logout',
    });
  });

  it('refuses unusable client, issuer, viewer and sign-out settings, naming each variable', () => {
    const { issues } = parse({
      TRELLIS_ALB_CLIENT_ID: 'has space',
      TRELLIS_VIEWER_CLAIM: 'a b',
      TRELLIS_SIGN_OUT_URL: 'javascript:alert(1)',
    });
    expect(issues.map((i) => i.split(':')[0])).toEqual([
      'TRELLIS_ALB_CLIENT_ID',
      'TRELLIS_VIEWER_CLAIM',
      'TRELLIS_SIGN_OUT_URL',
    ]);
  });

  it('ignores the ALB settings when authentication is off', () => {
    expect(parse({ TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'viewer', TRELLIS_OPERATOR_VALUES: 'x' })).toEqual({
      auth: { mode: 'none', anonymousRole: 'viewer' },
      issues: [],
    });
  });
});

describe('ALB key endpoint', () => {
  it('is regional, with the documented GovCloud exception', () => {
    expect(regionOfArn(albArn)).toBe('eu-west-1');
    expect(defaultAlbKeysUrl('eu-west-1')).toBe('https://public-keys.auth.elb.eu-west-1.amazonaws.com');
    expect(defaultAlbKeysUrl('us-gov-west-1')).toBe(
      'https://s3-us-gov-west-1.amazonaws.com/aws-elb-public-keys-prod-us-gov-west-1',
    );
  });
});
