/**
 * Signing out of a console behind an ALB: the load balancer keeps the session in its own cookies
 * (`AWSELBAuthSessionCookie-0`, `-1`, … when sharded), so the console expires them and sends the
 * user to the identity provider's logout endpoint (TRELLIS_SIGN_OUT_URL) — otherwise the IdP's live
 * session would sign the user straight back in. AWS documents this for ALB authentication. Pure.
 */
import type { AuthConfig } from '../configAuth';

/** The ALB's default session cookie name (the listener's SessionCookieName). */
export const ALB_SESSION_COOKIE = 'AWSELBAuthSessionCookie';

/** Shards the ALB may split a large session into. */
const SHARDS = 4;

function page(title: string, text: string, status: number, headers: Headers): Response {
  headers.set('content-type', 'text/html; charset=utf-8');
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Trellis</title></head>` +
    '<body style="font-family:system-ui,sans-serif;padding:24px;max-width:70ch">' +
    `<h1 style="font-size:20px">${title}</h1><p>${text}</p></body></html>`;
  return new Response(body, { status, headers });
}

/** The answer to GET /api/auth/sign-out. */
export function signOutResponse(auth: AuthConfig): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (auth.mode === 'none')
    return page('Nothing to sign out of', 'Sign-in is off on this console (TRELLIS_AUTH=none).', 200, headers);
  for (let i = 0; i < SHARDS; i++)
    headers.append(
      'set-cookie',
      `${ALB_SESSION_COOKIE}-${i}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly`,
    );
  if (auth.signOutUrl) {
    headers.set('location', auth.signOutUrl);
    return new Response(null, { status: 303, headers });
  }
  return page(
    'Signed out',
    'Your console session has ended. Your identity provider may still have you signed in; sign out there too ' +
      '(the console sends you there when TRELLIS_SIGN_OUT_URL is set).',
    200,
    headers,
  );
}
