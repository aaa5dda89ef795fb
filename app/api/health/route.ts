/** ALB / ECS health check: answers from memory only, never calls AWS (an AWS outage must not kill the tasks). */
import { VERSION } from '@/lib/version';

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok', version: VERSION }, { headers: { 'cache-control': 'no-store' } });
}
