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
