/** What a user may do. Pure: the UI shows the reason, and the server refuses with the same words. */
import type { Config } from '../config';
import { TrellisError } from '../domain/errors';
import type { User } from '../domain/user';

/** Why `user` may not change anything, or undefined when they may. */
export function mutationBlockedReason(user: User, config: Pick<Config, 'readOnly'>): string | undefined {
  if (config.readOnly) return 'The console is read-only (TRELLIS_READ_ONLY=true).';
  if (user.role !== 'operator') return `Changes need the operator role; ${user.name} is a ${user.role}.`;
  return undefined;
}

/** Throws FORBIDDEN unless `user` may change things. */
export function assertCanMutate(user: User, config: Pick<Config, 'readOnly'>): void {
  const reason = mutationBlockedReason(user, config);
  if (reason) throw new TrellisError('FORBIDDEN', reason);
}
