/**
 * The cross-account snapshot for the topology (`GET /api/topology/snapshot`), fetched by the page once its
 * shell is on screen, in the compact wire form of lib/graph/wire (targets as columns). `POST` with
 * `{"refresh": true}` re-crawls every account first (the Refresh button) and answers the same way.
 *
 * Why a route and not the page: the page used to await the snapshot and hand it to the client component, and
 * its first byte waited ~1.2 s at fleet scale for React's flight encoding of it, the same rows again inside the
 * HTML, server rendering of the graph pipeline and compressing the ~6 MB page. Why cached bytes: the body is
 * made once per snapshot (lib/topology/snapshotWire); a client that sends the ETag of what it holds
 * (`If-None-Match`, the 60 s poll) gets a 304 without a body.
 * Same path as every server action (lib/actions/run `runRoute`).
 */
import { z } from 'zod';
import { runRoute } from '@/lib/actions/run';
import { getSnapshot } from '@/lib/inventory';
import { encodedSnapshot, matchesEtag } from '@/lib/topology/snapshotWire';

export const dynamic = 'force-dynamic';

const input = z.object({ refresh: z.boolean().optional() }).strict();

/** The bytes of a Buffer as a body, without copying them. */
const view = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

async function answer(request: Request, body: unknown): Promise<Response> {
  const { status, result } = await runRoute(
    { name: 'inventory.loadSnapshot', input, mutates: false },
    { headers: request.headers, body },
    (i, { user }) => getSnapshot({ user: user.id, ...(i.refresh ? { refresh: true } : {}) }),
  );
  if (!result.ok) return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
  const encoded = encodedSnapshot(result.value);
  const headers: Record<string, string> = { 'cache-control': 'no-store', etag: encoded.etag };
  if (matchesEtag(request.headers.get('if-none-match'), encoded.etag))
    return new Response(null, { status: 304, headers });
  headers['content-type'] = 'application/json';
  return new Response(view(encoded.json), { status, headers });
}

export function GET(request: Request): Promise<Response> {
  return answer(request, {});
}

export async function POST(request: Request): Promise<Response> {
  return answer(request, await request.json().catch(() => undefined));
}
