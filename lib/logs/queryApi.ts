/**
 * The body of POST /api/logs/query: `{op: "start" | "poll" | "stop", …}` → a `Result` as JSON.
 * A route handler rather than server actions because the browser calls server actions one at a
 * time, and the explorer's panels must start, poll and stop in parallel.
 */
import 'server-only';
import { z } from 'zod';
import { describeIssues } from '../actions/run';
import { authenticate, type HeaderSource } from '../auth/authenticate';
import { awsClients } from '../aws/clientFactory';
import { getConfig } from '../config';
import { httpStatusOf, TrellisError } from '../domain/errors';
import { attempt, type Result } from '../domain/result';
import { pollRuns, runsInput, startPanel, startPanelInput, stopRuns, type PanelDeps } from './panels';
import { logsSnapshot } from './snapshot';

const body = z.discriminatedUnion('op', [startPanelInput.extend({ op: z.literal('start') }), runsInput.extend({ op: z.literal('poll') }), runsInput.extend({ op: z.literal('stop') })]);

/** Answers one request; never throws. `deps` are replaced in tests. */
export async function handleLogsQuery(headers: HeaderSource, raw: unknown, deps?: Omit<PanelDeps, 'user'>): Promise<{ status: number; result: Result<unknown> }> {
  const result = await attempt(async () => {
    const config = getConfig();
    const who = authenticate(headers, config);
    if (!who.ok) throw new TrellisError(who.error.code, who.error.message);
    const parsed = body.safeParse(raw);
    if (!parsed.success) throw new TrellisError('VALIDATION', `Invalid logs query request: ${describeIssues(parsed.error.issues)}`);
    const d: PanelDeps = { factory: deps?.factory ?? awsClients(), snapshot: deps?.snapshot ?? ((user) => logsSnapshot(user)), user: who.value.id };
    const input = parsed.data;
    if (input.op === 'start') return startPanel(input, d);
    if (input.op === 'poll') return pollRuns(input, d);
    return stopRuns(input.runs, d);
  });
  return { status: result.ok ? 200 : httpStatusOf(result.error.code), result };
}
