import { describe, expect, it } from 'vitest';
import { type AccountConfig, loadConfig } from '../lib/config';
import { demoAppEnv } from './demoEnv';

describe('demoAppEnv', () => {
  it('is a valid Trellis configuration with three accounts against the emulator', () => {
    const env = demoAppEnv({ emulatorUrl: 'http://127.0.0.1:4599', port: 3099, inherited: {} });
    const c = loadConfig(env);
    const roles = (a: AccountConfig) => [a.name, a.readRoleArn ?? null, a.writeRoleArn ?? null, a.externalId ?? null];
    expect(c.accounts?.map(roles)).toEqual([
      ['network-hub', null, null, null],
      ...['222222222222:payments', '333333333333:storefront'].map((s) => {
        const [id, name] = s.split(':');
        const arn = (role: string) => `arn:aws:iam::${id}:role/${role}`;
        return [name, arn('TrellisReadOnly'), arn('TrellisOperator'), 'trellis-demo'];
      }),
    ]);
    expect(c.auth).toEqual({ mode: 'none', anonymousRole: 'operator' });
    expect(c.emulatorEndpoint).toBe('http://127.0.0.1:4599');
    expect(env.AWS_ACCESS_KEY_ID).toBe('AKIATRELLISHUB000001');
  });

  it('blanks inherited AWS and Trellis variables so a developer profile cannot leak in', () => {
    const env = demoAppEnv({
      emulatorUrl: 'http://127.0.0.1:4566',
      port: 3000,
      inherited: { AWS_PROFILE: 'prod', AWS_SESSION_TOKEN: 'x', TRELLIS_READ_ONLY: 'true', HOME: '/root' },
    });
    expect(env).toMatchObject({ AWS_PROFILE: '', AWS_SESSION_TOKEN: '', TRELLIS_READ_ONLY: '' });
    expect(env.HOME).toBeUndefined();
    expect(loadConfig(env).readOnly).toBe(false);
  });
});
