/**
 * The cross-account snapshot as JSON (`GET /api/topology/snapshot`), for the topology page to fetch after
 * its first byte. The page used to read the snapshot on the server and carry it in the HTML (361 KiB
 * at fleet scale, ~1.2 s before the first byte: React's flight encoding of the whole snapshot, written
 * twice, into the HTML stream); plain `JSON.stringify` of the same value takes a few milliseconds and
 * the page's skeleton is on screen meanwhile. Same path as every server action (lib/actions/run `runRoute`).
 */
import { z } from 'zod';
import { runRoute } from '@/lib/actions/run';
import { getSnapshot } from '@/lib/inventory';

export const dynamic = 'force-dynamic';

const input = z.object({}).strict();

export async function GET(request: Request): Promise<Response> {
  const { status, result } = await runRoute(
    { name: 'inventory.loadSnapshot', input, mutates: false },
    { headers: request.headers, body: {} },
    (_i, { user }) => getSnapshot({ user: user.id }),
  );
  return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
}
