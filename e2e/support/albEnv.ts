/**
 * Environment of the e2e console that signs users in through the (test) ALB: the demo deployment
 * (scripts/demoEnv) with TRELLIS_AUTH=alb, the test ALB's ARN, client id and issuer, its key server,
 * viewers admitted and operators mapped from the `groups` claim. Shared by playwright.config.ts and the auth specs.
 */
import { demoAppEnv } from '../../scripts/demoEnv';
import { TEST_ALB_ARN, TEST_CLIENT_ID, TEST_ISSUER } from './albKeyServer';

/**
 * The HOSTNAME the image-like console inherits, as on Fargate (a host name of the task, which does not
 * resolve here): the console must listen on TRELLIS_LISTEN_HOST, not on it.
 */
export const FOREIGN_HOSTNAME = 'ip-10-0-1-23.ec2.internal';

/** The group that makes an operator in the e2e console. */
export const OPERATOR_GROUP = 'trellis-operators';

/** The group that admits a viewer (TRELLIS_VIEWER_VALUES); users in neither group get 403. */
export const VIEWER_GROUP = 'developers';

/** Where the console sends a user who signs out (the test IdP's logout endpoint; never fetched). */
export const TEST_SIGN_OUT_URL = 'https://idp.example.com/logout';

/** Environment variables for the ALB-mode console (merge over the image's ENV). */
export function albAppEnv(o: { emulatorUrl: string; keysUrl: string; port: number }): Record<string, string> {
  return {
    ...demoAppEnv({ emulatorUrl: o.emulatorUrl, port: o.port }),
    TRELLIS_AUTH: 'alb',
    TRELLIS_ANONYMOUS_ROLE: '',
    TRELLIS_ALB_ARN: TEST_ALB_ARN,
    TRELLIS_ALB_KEYS_URL: o.keysUrl,
    TRELLIS_ALB_CLIENT_ID: TEST_CLIENT_ID,
    TRELLIS_ALB_ISSUER: TEST_ISSUER,
    TRELLIS_VIEWER_CLAIM: 'groups',
    TRELLIS_VIEWER_VALUES: VIEWER_GROUP,
    TRELLIS_SIGN_OUT_URL: TEST_SIGN_OUT_URL,
    TRELLIS_OPERATOR_CLAIM: 'groups',
    TRELLIS_OPERATOR_VALUES: OPERATOR_GROUP,
  };
}
