/** Why the signed-in user may not change routes, for pages to disable controls with the reason shown. */
import 'server-only';
import { currentUser } from './identity';
import { mutationBlockedReason } from './permissions';
import { getConfig } from '../config';

/** The reason, or undefined when the user may change routes. The server refuses regardless (runAction). */
export async function blockedReason(): Promise<string | undefined> {
  try {
    return mutationBlockedReason(await currentUser(), getConfig());
  } catch (e) {
    return e instanceof Error ? e.message : 'Not signed in.';
  }
}
