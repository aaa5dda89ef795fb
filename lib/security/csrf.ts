/**
 * Cross-site request forgery check of the proxy, for every request that may change something (any
 * method but GET, HEAD and OPTIONS): the browser must say it comes from the console's own origin
 * (`Sec-Fetch-Site: same-origin`, and an `Origin` whose host is the request's `Host`), and a route
 * handler under /api/ must be sent JSON (`Content-Type: application/json`), which a cross-site HTML
 * form cannot send. Server actions have Next's own origin check as well. Pure, so it is testable
 * without Next.
 */
import type { ErrorInfo } from '../domain/errors';

/** What the check looks at. */
export interface CsrfRequest {
  method: string;
  pathname: string;
  headers: { get(name: string): string | null };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function forbidden(why: string): ErrorInfo {
  return {
    code: 'FORBIDDEN',
    message: `Refused: ${why}. Changes are accepted only from the console's own pages.`,
    retryable: false,
  };
}

/** The host of an Origin header value, or undefined for `null` and anything that is not an origin. */
function originHost(origin: string): string | undefined {
  if (origin === 'null') return undefined;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : undefined;
  } catch {
    return undefined;
  }
}

/** Why the request is refused as possibly cross-site, or undefined to let it through. */
export function csrfRefusal(req: CsrfRequest): ErrorInfo | undefined {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return undefined;
  const site = req.headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (site !== undefined && site !== 'same-origin')
    return forbidden(`a ${req.method} request from another site (Sec-Fetch-Site: ${site})`);
  const origin = req.headers.get('origin')?.trim();
  const host = req.headers.get('host')?.trim().toLowerCase();
  if (origin !== undefined) {
    const from = originHost(origin);
    if (!from || !host || from !== host)
      return forbidden(`a ${req.method} request from another origin (${origin.slice(0, 200)})`);
  } else if (site !== 'same-origin') {
    return forbidden(`a ${req.method} request that names no origin (no Origin or Sec-Fetch-Site header)`);
  }
  if (req.pathname.startsWith('/api/')) {
    const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return {
        code: 'VALIDATION',
        message: `${req.method} ${req.pathname} takes a JSON body: send Content-Type: application/json.`,
        retryable: false,
      };
  }
  return undefined;
}
