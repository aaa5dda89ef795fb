/**
 * Starts, polls and stops the explorer's Logs Insights queries: `{op: "start" | "poll" | "stop", …}` →
 * a `Result` as JSON. A route handler rather than server actions because the browser calls server
 * actions one at a time, and the explorer's panels must start, poll and stop in parallel. Same path as
 * every server action (lib/actions/run `runRoute`); the contract is lib/logs/queryContract.
 */
import { runRoute } from '@/lib/actions/run';
import { awsClients } from '@/lib/aws/clientFactory';
import { getSnapshot } from '@/lib/inventory';
import { answerLogsRequest } from '@/lib/logs/queryAnswer';
import { logsRequest } from '@/lib/logs/queryContract';

export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = undefined;
  }
  const { status, result } = await runRoute(
    { name: 'logs.query', input: logsRequest, mutates: false },
    { headers: request.headers, body },
    (input, { user, config }) =>
      answerLogsRequest(
        input,
        { factory: awsClients(), snapshot: (u) => getSnapshot({ user: u }), user: user.id },
        config.accounts,
      ),
  );
  return Response.json(result, { status, headers: { 'cache-control': 'no-store' } });
}
