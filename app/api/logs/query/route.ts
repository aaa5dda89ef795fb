/** Starts, polls and stops the explorer's Logs Insights queries (lib/logs/queryApi). */
import { handleLogsQuery } from '@/lib/logs/queryApi';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    raw = undefined;
  }
  const { status, result } = await handleLogsQuery(request.headers, raw);
  return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
}
