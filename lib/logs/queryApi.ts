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
import { toPublicError } from '../security/publicError';
import { pollRuns, runsInput, startPanel, startPanelInput, stopRuns, type PanelDeps } from './panels';
import { getSnapshot } from '../inventory';

const body = z.discriminatedUnion('op', [
  startPanelInput.extend({ op: z.literal('start') }),
  runsInput.extend({ op: z.literal('poll') }),
  runsInput.extend({ op: z.literal('stop') }),
]);

function configuredAccounts() {
  try {
    return getConfig().accounts;
  } catch {
    return undefined; // a configuration error is what is being reported
  }
}

/** Answers one request; never throws. `deps` are replaced in tests. */
export async function handleLogsQuery(
  headers: HeaderSource,
  raw: unknown,
  deps?: Omit<PanelDeps, 'user'>,
): Promise<{ status: number; result: Result<unknown> }> {
  const result = await attempt(async () => {
    const config = getConfig();
    const who = await authenticate(headers, config);
    if (!who.ok) throw new TrellisError(who.error.code, who.error.message);
    const parsed = body.safeParse(raw);
    if (!parsed.success)
      throw new TrellisError('VALIDATION', `Invalid logs query request: ${describeIssues(parsed.error.issues)}`);
    const d: PanelDeps = {
      factory: deps?.factory ?? awsClients(),
      snapshot: deps?.snapshot ?? ((user) => getSnapshot({ user })),
      user: who.value.id,
    };
    const input = parsed.data;
    const accounts = config.accounts;
    // Errors reach the browser with AWS's words but without role ARNs or ExternalIds (the log keeps them).
    if (input.op === 'start') {
      const out = await startPanel(input, d);
      return { ...out, failures: out.failures.map((f) => ({ ...f, error: toPublicError(f.error, accounts) })) };
    }
    if (input.op === 'poll')
      return (await pollRuns(input, d)).map((r) => (r.error ? { ...r, error: toPublicError(r.error, accounts) } : r));
    return stopRuns(input.runs, d);
  });
  const pub = result.ok ? result : { ok: false as const, error: toPublicError(result.error, configuredAccounts()) };
  return { status: pub.ok ? 200 : httpStatusOf(pub.error.code), result: pub };
}
