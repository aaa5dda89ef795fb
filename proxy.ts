/**
 * Runs before every page, route handler and server action (not static files or the health check):
 * authenticates the user (lib/auth/gate: 401 without a valid ALB token; 403 for a viewer's call of
 * a mutating server action), sets the nonce-based CSP and the other security headers, passes a
 * request id on, and writes one structured log line per request. Server actions still authenticate
 * and authorize themselves in runAction, as Next.js advises.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { currentActionPolicy } from './lib/auth/actionPolicy';
import { formActionIdOf, gate } from './lib/auth/gate';
import { getConfig } from './lib/config';
import { logEvent } from './lib/observability/log';
import { REQUEST_ID_HEADER, requestIdFrom } from './lib/observability/requestId';
import { applySecurityHeaders, contentSecurityPolicy, newNonce } from './lib/security/headers';

export async function proxy(request: NextRequest): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdFrom(request.headers);
  const { pathname } = request.nextUrl;
  const decision = await gate({ method: request.method, pathname, headers: request.headers }, getConfig(), {
    policy: currentActionPolicy(),
    // A form posted without JavaScript names its action in the body, not in a header.
    formActionId: async () =>
      (request.headers.get('content-type') ?? '').startsWith('multipart/form-data')
        ? formActionIdOf(await request.clone().formData())
        : undefined,
  });
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  let response: Response;
  if (decision.allow) {
    const forwarded = new Headers(request.headers);
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    forwarded.set('content-security-policy', csp);
    forwarded.set('x-nonce', nonce);
    forwarded.set(REQUEST_ID_HEADER, requestId);
    response = NextResponse.next({ request: { headers: forwarded } });
  } else {
    response = decision.response;
  }
  applySecurityHeaders(response.headers, csp);
  response.headers.set('x-request-id', requestId);
  logEvent(decision.allow ? 'info' : 'warn', 'request', {
    requestId,
    method: request.method,
    path: pathname,
    user: decision.user?.id,
    role: decision.user?.role,
    action: decision.action,
    outcome: decision.allow ? 'allowed' : decision.error.code,
    status: decision.allow ? undefined : response.status,
    latencyMs: Math.round(performance.now() - started),
  });
  return response;
}

export const config = {
  matcher: ['/((?!api/health$|_next/static/|_next/image|icon\\.svg$|favicon\\.ico$).*)'],
};
