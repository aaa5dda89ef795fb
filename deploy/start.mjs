/**
 * The container's entry point (Dockerfile CMD; copied next to Next's standalone server.js by
 * scripts/copy-static.mjs). Next's server.js listens on $HOSTNAME, but Fargate (like Docker) sets
 * HOSTNAME to the task's own host name, so the server would bind to the task's interface only and
 * the 127.0.0.1 health check would fail. This start listens on TRELLIS_LISTEN_HOST (default
 * 0.0.0.0) whatever HOSTNAME is inherited, and keeps idle connections open longer than the load
 * balancer does (KEEP_ALIVE_TIMEOUT, default 125 s > the ALB's 120 s idle timeout), so the ALB never
 * reuses a connection the server is closing (intermittent 502s).
 */
import { pathToFileURL } from 'node:url';

/** Default interface: every one of the task's (the task's security group admits only the load balancer). */
export const DEFAULT_LISTEN_HOST = '0.0.0.0';

/** Default keep-alive, ms: above the ALB idle timeout (deploy/trellis-ecs.yaml, idle_timeout.timeout_seconds). */
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 125_000;

/**
 * What server.js must see: HOSTNAME from TRELLIS_LISTEN_HOST (never the inherited one) and a valid
 * KEEP_ALIVE_TIMEOUT. Returns `{ error }` for a setting that cannot be used.
 * @param {Record<string, string | undefined>} env
 * @returns {{ HOSTNAME: string, KEEP_ALIVE_TIMEOUT: string } | { error: string }}
 */
export function serverEnv(env) {
  const host = env.TRELLIS_LISTEN_HOST?.trim() || DEFAULT_LISTEN_HOST;
  if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(host))
    return { error: `TRELLIS_LISTEN_HOST: must be an address or host name such as 0.0.0.0, got '${host}'` };
  const raw = env.KEEP_ALIVE_TIMEOUT?.trim() || String(DEFAULT_KEEP_ALIVE_TIMEOUT_MS);
  const ms = Number(raw);
  if (!/^\d+$/.test(raw) || ms < 1_000 || ms > 3_600_000)
    return {
      error:
        `KEEP_ALIVE_TIMEOUT: must be milliseconds from 1000 to 3600000, above the load balancer's idle ` +
        `timeout, got '${raw}'`,
    };
  return { HOSTNAME: host, KEEP_ALIVE_TIMEOUT: String(ms) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const settings = serverEnv(process.env);
  if ('error' in settings) {
    process.stderr.write(`Trellis cannot start: ${settings.error}\n`);
    process.exit(1);
  }
  Object.assign(process.env, settings);
  await import(new URL('./server.js', import.meta.url).href);
}
