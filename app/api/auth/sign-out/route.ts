/** Ends the load balancer's sign-in session (lib/auth/signOut). */
import { signOutResponse } from '@/lib/auth/signOut';
import { getConfig } from '@/lib/config';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return signOutResponse(getConfig().auth);
}
