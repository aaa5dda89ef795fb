/**
 * Runs before every page and API route (not the health check or static files): requests without a
 * user get 401 (lib/auth/gate). Server actions still call `currentUser()` themselves, as Next.js advises.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { gate } from './lib/auth/gate';
import { getConfig } from './lib/config';

export function proxy(request: NextRequest): Response {
  return gate({ pathname: request.nextUrl.pathname, headers: request.headers }, getConfig()) ?? NextResponse.next();
}

export const config = {
  matcher: ['/((?!api/health$|_next/static/|_next/image|icon\\.svg$|favicon\\.ico$).*)'],
};
