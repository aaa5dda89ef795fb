/**
 * The body of POST /api/logs/query once the request is authenticated and validated (lib/actions/run's
 * `runRoute` does that): start, poll or stop a panel's queries. Errors of single accounts reach the
 * browser with AWS's words but without role ARNs or ExternalIds (the log keeps them).
 */
import 'server-only';
import type { AccountConfig } from '../configAccounts';
import { toPublicError } from '../security/publicError';
import { type PanelDeps, pollRuns, startPanel, stopRuns } from './panels';
import type { LogsAnswers, logsRequest } from './queryContract';
import type { z } from 'zod';

/** Answers one validated request. */
export async function answerLogsRequest(
  input: z.infer<typeof logsRequest>,
  deps: PanelDeps,
  accounts: readonly AccountConfig[] | undefined,
): Promise<LogsAnswers[keyof LogsAnswers]> {
  if (input.op === 'start') {
    const out = await startPanel(input, deps);
    return { ...out, failures: out.failures.map((f) => ({ ...f, error: toPublicError(f.error, accounts) })) };
  }
  if (input.op === 'poll')
    return (await pollRuns(input, deps)).map((r) => (r.error ? { ...r, error: toPublicError(r.error, accounts) } : r));
  return stopRuns(input.runs, deps);
}
