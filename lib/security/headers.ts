/**
 * The security headers of every response. The CSP is per request (proxy.ts): Next's inline bootstrap
 * scripts carry the request's nonce, and 'strict-dynamic' lets them load the app's chunks — no
 * 'unsafe-inline' for scripts. Styles allow inline because React renders `style` attributes (React
 * Flow positions nodes with them). Workers may be same-origin files or blobs (the graph layout runs
 * elkjs in a Web Worker). The static headers are also set in next.config.js for responses the proxy
 * does not see (static files, the health check); a test keeps the two lists equal.
 */

/** Headers on every response, apart from the CSP. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()'],
  ['Strict-Transport-Security', 'max-age=31536000'],
];

/** A fresh nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy for a page rendered with `nonce`. `dev` adds what `next dev` needs (eval for
 * React's debugging).
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? ' ws:' : ''}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** Sets the CSP and the static security headers on `headers`. */
export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set('Content-Security-Policy', csp);
  for (const [k, v] of STATIC_SECURITY_HEADERS) headers.set(k, v);
}
