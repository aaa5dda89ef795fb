/** What must hold for sign-in to work at all; checked when the server starts (lib/startup). */
import type { Config } from '../config';
import { ALB_NOT_CONFIGURED, albKeysUrl } from './authenticate';

/** Problems that make every request fail; empty when sign-in can work. */
export function authStartupProblems(config: Pick<Config, 'auth' | 'readOnly' | 'region'>): string[] {
  if (config.auth.mode === 'alb' && !config.auth.albArn)
    return [`TRELLIS_ALB_ARN: is required with TRELLIS_AUTH=alb (the default). ${ALB_NOT_CONFIGURED}`];
  return [];
}

/** One line describing sign-in and roles, without secrets. */
export function describeAuth(config: Pick<Config, 'auth' | 'readOnly' | 'region'>): string {
  const a = config.auth;
  if (a.mode === 'none') return `auth off (everyone is ${config.readOnly ? 'viewer' : a.anonymousRole})`;
  const operators =
    a.roles.operatorValues.length > 0
      ? `operators: '${a.roles.claim}' claim holds ${a.roles.operatorValues.join(' or ')}`
      : 'nobody is an operator (TRELLIS_OPERATOR_VALUES is empty)';
  return `auth alb (signer ${a.albArn ?? 'unset'}, keys ${albKeysUrl(config)}, ${operators})`;
}
