/**
 * The ALB's public signing keys, fetched by `kid` from `<base>/<kid>` (a PEM) and cached: a kid
 * names one key forever, so a key is fetched once per process. A failed fetch is remembered for a
 * short while so that a flood of tokens naming an unknown kid cannot turn into a flood of fetches;
 * both caches are bounded (oldest forgotten first), so made-up kids cannot grow memory either.
 */
import { importSPKI, type CryptoKey } from 'jose';
import { TrellisError } from '../domain/errors';

/**
 * Returns the key for a kid; throws `TrellisError` (UNAUTHENTICATED for an unknown kid, UNREACHABLE when the
 * endpoint cannot be read).
 */
export type KeyResolver = (kid: string) => Promise<CryptoKey>;

/** Options of `albKeyResolver`. */
export interface AlbKeyOptions {
  /** Base URL, e.g. https://public-keys.auth.elb.us-east-1.amazonaws.com */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** How long a failed kid is not fetched again. */
  failureTtlMs?: number;
  /** Keys kept; past this the oldest is forgotten (ALBs rotate keys rarely). */
  maxKeys?: number;
  /** Failing kids remembered; past this the oldest is forgotten. */
  maxFailures?: number;
  now?: () => number;
}

/** ALB kids are UUIDs; anything else never reaches a URL. */
const KID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** A caching resolver of ALB public keys. */
export function albKeyResolver(o: AlbKeyOptions): KeyResolver {
  const doFetch = o.fetch ?? fetch;
  const timeoutMs = o.timeoutMs ?? 3_000;
  const failureTtlMs = o.failureTtlMs ?? 30_000;
  const maxKeys = o.maxKeys ?? 32;
  const maxFailures = o.maxFailures ?? 256;
  const now = o.now ?? Date.now;
  const keys = new Map<string, Promise<CryptoKey>>();
  const failures = new Map<string, { at: number; error: TrellisError }>();

  const load = async (kid: string): Promise<CryptoKey> => {
    const url = `${o.baseUrl}/${encodeURIComponent(kid)}`;
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (e) {
      throw new TrellisError(
        'UNREACHABLE',
        `Cannot read the ALB public key ${kid} from ${o.baseUrl} (${(e as Error).message}); ` +
          `sign-in cannot be verified. Check the network path to the key endpoint (TRELLIS_ALB_KEYS_URL).`,
        { retryable: true },
      );
    }
    if (res.status === 403 || res.status === 404)
      throw new TrellisError('UNAUTHENTICATED', `The sign-in token names an unknown ALB key (${kid}).`);
    if (!res.ok)
      throw new TrellisError(
        'UNREACHABLE',
        `The ALB key endpoint answered ${res.status} for key ${kid}; sign-in cannot be verified.`,
        { retryable: true },
      );
    const pem = (await res.text()).trim();
    try {
      return await importSPKI(pem, 'ES256');
    } catch {
      throw new TrellisError(
        'UNAUTHENTICATED',
        `The ALB key endpoint returned something that is not an ES256 public key for ${kid}.`,
      );
    }
  };

  return (kid: string) => {
    if (!KID_RE.test(kid))
      return Promise.reject(new TrellisError('UNAUTHENTICATED', 'The sign-in token has no usable key id (kid).'));
    const failed = failures.get(kid);
    if (failed && now() - failed.at < failureTtlMs) return Promise.reject(failed.error);
    if (failed) failures.delete(kid);
    let p = keys.get(kid);
    if (!p) {
      if (keys.size >= maxKeys) {
        const oldest = keys.keys().next().value;
        if (oldest !== undefined) keys.delete(oldest);
      }
      p = load(kid);
      keys.set(kid, p);
      p.then(
        () => failures.delete(kid),
        (e: unknown) => {
          keys.delete(kid);
          failures.delete(kid);
          if (failures.size >= maxFailures) {
            const oldest = failures.keys().next().value;
            if (oldest !== undefined) failures.delete(oldest);
          }
          failures.set(kid, {
            at: now(),
            error: e instanceof TrellisError ? e : new TrellisError('UNREACHABLE', String(e)),
          });
        },
      );
    }
    return p;
  };
}
