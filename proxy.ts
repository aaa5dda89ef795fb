/**
 * Runs before every page and API route (not the health check or static files): requests without a
 * user get 401. Server actions still check `currentUser()` themselves, as Next.js advises.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { authenticate } from './lib/auth/authenticate';
import { getConfig } from './lib/config';
import { httpStatusOf } from './lib/domain/errors';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function proxy(request: NextRequest): NextResponse {
  const r = authenticate(request.headers, getConfig());
  if (r.ok) return NextResponse.next();
  const status = httpStatusOf(r.error.code);
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.json({ error: r.error }, { status });
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in required · Trellis</title></head><body style="font-family:system-ui,sans-serif;padding:24px;max-width:70ch"><h1 style="font-size:20px">Sign-in required</h1><p>${escapeHtml(r.error.message)}</p></body></html>`;
  return new NextResponse(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}

export const config = {
  matcher: ['/((?!api/health$|_next/static/|_next/image|icon\\.svg$|favicon\\.ico$).*)'],
};
