/** What must hold for sign-in to work at all; checked when the server starts (lib/startup). */
import type { Config } from '../config';
import { ALB_NOT_CONFIGURED, albKeysUrl } from './authenticate';

/** Problems that make every request fail; empty when sign-in can work. */
export function authStartupProblems(config: Pick<Config, 'auth' | 'readOnly' | 'region'>): string[] {
  const a = config.auth;
  if (a.mode !== 'alb') return [];
  const problems: string[] = [];
  if (!a.albArn)
    problems.push(`TRELLIS_ALB_ARN: is required with TRELLIS_AUTH=alb (the default). ${ALB_NOT_CONFIGURED}`);
  if (!a.clientId)
    problems.push(
      'TRELLIS_ALB_CLIENT_ID: is required with TRELLIS_AUTH=alb: the client id of the load balancer’s OIDC ' +
        '(or Cognito app client) sign-in; tokens issued for another client are refused',
    );
  if (!a.issuer)
    problems.push(
      'TRELLIS_ALB_ISSUER: is required with TRELLIS_AUTH=alb: the issuer of the identity provider the load ' +
        'balancer signs in with (its OIDC issuer URL); tokens from another issuer are refused',
    );
  return problems;
}

/** One line describing sign-in and roles, without secrets. */
export function describeAuth(config: Pick<Config, 'auth' | 'readOnly' | 'region'>): string {
  const a = config.auth;
  if (a.mode === 'none') return `auth off (everyone is ${config.readOnly ? 'viewer' : a.anonymousRole})`;
  const operators =
    a.roles.operatorValues.length > 0
      ? `operators: '${a.roles.claim}' claim holds ${a.roles.operatorValues.join(' or ')}`
      : 'nobody is an operator (TRELLIS_OPERATOR_VALUES is empty)';
  const viewers = a.viewers
    ? `viewers: '${a.viewers.claim}' claim holds ${a.viewers.values.join(' or ')}`
    : 'viewers: everyone signed in';
  return (
    `auth alb (signer ${a.albArn ?? 'unset'}, client ${a.clientId ?? 'unset'}, issuer ${a.issuer ?? 'unset'}, ` +
    `keys ${albKeysUrl(config)}, ${viewers}, ${operators})`
  );
}
