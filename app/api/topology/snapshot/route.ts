/**
 * The cross-account snapshot as JSON (`GET /api/topology/snapshot`), fetched by the topology page once its
 * shell is on screen. The page used to await the snapshot and hand it to the client component, and the
 * first byte waited ~1.2 s at fleet scale for, measured on a fleet-sized snapshot (2.7 MB as JSON):
 * React's flight encoding of it (58–440 ms, the first call cold), the same rows again inside the HTML as
 * script strings (3 MB more), server rendering of the client view, which ran the graph pipeline
 * (buildGraph 90–210 ms) before any byte left, and compressing the ~6 MB page. `JSON.stringify` of the
 * same value takes 10–40 ms; the page's first byte is now its shell (~20–30 ms warm).
 * Same path as every server action (lib/actions/run `runRoute`).
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
