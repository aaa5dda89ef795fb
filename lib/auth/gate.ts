/**
 * The request gate behind proxy.ts: a request without a user gets 401 (JSON for /api, a short HTML
 * page otherwise). Pure Web APIs, so it is testable without Next.
 */
import type { Config } from '../config';
import { httpStatusOf } from '../domain/errors';
import { authenticate, type HeaderSource } from './authenticate';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The refusal for a request, or undefined to let it through. */
export function gate(request: { pathname: string; headers: HeaderSource }, config: Pick<Config, 'auth'>): Response | undefined {
  const r = authenticate(request.headers, config);
  if (r.ok) return undefined;
  const status = httpStatusOf(r.error.code);
  const headers = { 'cache-control': 'no-store' };
  if (request.pathname.startsWith('/api/')) return Response.json({ error: r.error }, { status, headers });
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in required · Trellis</title></head><body style="font-family:system-ui,sans-serif;padding:24px;max-width:70ch"><h1 style="font-size:20px">Sign-in required</h1><p>${escapeHtml(r.error.message)}</p></body></html>`;
  return new Response(body, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}
