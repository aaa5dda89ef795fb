/** The signed-in user of the current request, for pages, route handlers and server actions. */
import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { User } from '../domain/user';
import { authenticate } from './authenticate';

export type { User, Role } from '../domain/user';

/**
 * The user of the current request. Throws an UNAUTHENTICATED `TrellisError` when there is none
 * (server actions must call this themselves: the proxy's 401 does not cover them on every path).
 */
export async function currentUser(): Promise<User> {
  const r = authenticate(await headers(), getConfig());
  if (!r.ok) throw new TrellisError(r.error.code, r.error.message);
  return r.value;
}
