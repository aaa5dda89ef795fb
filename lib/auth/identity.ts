/** The signed-in user of the current request, for pages, route handlers and server actions. */
import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '../config';
import { TrellisError } from '../domain/errors';
import type { Result } from '../domain/result';
import type { User } from '../domain/user';
import { authenticate } from './authenticate';
import { mutationBlockedReason } from './permissions';

export type { User, Role } from '../domain/user';

/** The user of the current request, or why there is none (never throws). */
export async function currentUserResult(): Promise<Result<User>> {
  return authenticate(await headers(), getConfig());
}

/**
 * The user of the current request. Throws an UNAUTHENTICATED `TrellisError` when there is none
 * (server actions must call this themselves: the proxy's 401 does not cover them on every path).
 */
export async function currentUser(): Promise<User> {
  const r = await currentUserResult();
  if (!r.ok) throw new TrellisError(r.error.code, r.error.message);
  return r.value;
}

/**
 * The user and, when they may not change anything, why: pass `blockedReason` to components to disable (and
 * explain) mutations.
 */
export async function currentPermissions(): Promise<{ user: User; blockedReason?: string }> {
  const user = await currentUser();
  const blockedReason = mutationBlockedReason(user, getConfig());
  return blockedReason ? { user, blockedReason } : { user };
}
