/**
 * Ports and URLs of the e2e servers, shared by playwright.config.ts and the specs (which run in
 * other processes). Defaults are dedicated to e2e; the E2E_* variables override them so that
 * several checkouts can run e2e at once.
 */

/** Where each e2e server listens. */
export interface E2eServers {
  emulatorUrl: string;
  /** The console with TRELLIS_AUTH=none. */
  appUrl: string;
  /** The console with ALB sign-in, started as the container image starts it. */
  albAppUrl: string;
  /** The test ALB public-key server. */
  keysUrl: string;
  ports: { emulator: number; app: number; albApp: number; keys: number };
}

/** The e2e servers for an environment (process.env by default). */
export function e2eServers(env: Record<string, string | undefined> = process.env): E2eServers {
  const ports = {
    emulator: Number(env.E2E_EMULATOR_PORT ?? 4599),
    app: Number(env.E2E_APP_PORT ?? 3099),
    albApp: Number(env.E2E_ALB_APP_PORT ?? 3098),
    keys: Number(env.E2E_KEYS_PORT ?? 4598),
  };
  const url = (p: number) => `http://127.0.0.1:${p}`;
  return {
    emulatorUrl: url(ports.emulator),
    appUrl: url(ports.app),
    albAppUrl: url(ports.albApp),
    keysUrl: url(ports.keys),
    ports,
  };
}
