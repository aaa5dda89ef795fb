import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { authStartupProblems, describeAuth } from './startupCheck';

const base = { AWS_REGION: 'us-east-1' };
const albArn = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/trellis/50dc6c495c0c9188';
const alb = {
  TRELLIS_ALB_ARN: albArn,
  TRELLIS_ALB_CLIENT_ID: 'trellis',
  TRELLIS_ALB_ISSUER: 'https://idp.example.com',
};

describe('authStartupProblems', () => {
  it('stops a server with TRELLIS_AUTH=alb but no TRELLIS_ALB_ARN, client id or issuer', () => {
    expect(authStartupProblems(loadConfig(base))).toEqual([
      expect.stringMatching(/^TRELLIS_ALB_ARN: is required with TRELLIS_AUTH=alb/),
      expect.stringMatching(/^TRELLIS_ALB_CLIENT_ID: is required with TRELLIS_AUTH=alb/),
      expect.stringMatching(/^TRELLIS_ALB_ISSUER: is required with TRELLIS_AUTH=alb/),
    ]);
    expect(authStartupProblems(loadConfig({ ...base, ...alb, TRELLIS_ALB_ISSUER: '' }))).toEqual([
      expect.stringMatching(/^TRELLIS_ALB_ISSUER: is required/),
    ]);
    expect(authStartupProblems(loadConfig({ ...base, ...alb }))).toEqual([]);
    expect(
      authStartupProblems(loadConfig({ ...base, TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'viewer' })),
    ).toEqual([]);
  });

  it('describes sign-in and who is an operator', () => {
    expect(describeAuth(loadConfig({ ...base, ...alb, TRELLIS_OPERATOR_VALUES: 'ops,sre' }))).toBe(
      `auth alb (signer ${albArn}, client trellis, issuer https://idp.example.com, ` +
        'keys https://public-keys.auth.elb.us-east-1.amazonaws.com, viewers: everyone signed in, operators: ' +
        `'groups' claim holds ops or sre)`,
    );
    expect(describeAuth(loadConfig({ ...base, ...alb, TRELLIS_VIEWER_VALUES: 'staff' }))).toContain(
      "viewers: 'groups' claim holds staff",
    );
    expect(describeAuth(loadConfig({ ...base, TRELLIS_ALB_ARN: albArn }))).toMatch(/nobody is an operator/);
    expect(
      describeAuth(
        loadConfig({ ...base, TRELLIS_AUTH: 'none', TRELLIS_ANONYMOUS_ROLE: 'operator', TRELLIS_READ_ONLY: 'true' }),
      ),
    ).toBe('auth off (everyone is viewer)');
  });
});
