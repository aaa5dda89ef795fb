'use server';
/** Server actions of the access-log explorer (short reads; the panels' queries go through /api/logs/query). */
import { z } from 'zod';
import { logsContext as buildContext, type LogsContext } from '../logs/context';
import { getSnapshot } from '../inventory';
import type { Result } from '../domain/result';
import { runAction } from './run';

const contextInput = z.object({ params: z.string().max(64_000) });

/** Log groups, the selection's sources and display names for the explorer URL's `params`. */
export async function getLogsContext(raw: { params: string }): Promise<Result<LogsContext>> {
  return runAction(
    { name: 'logs.context', input: contextInput, mutates: false },
    raw,
    async (input, { user, config }) =>
      buildContext(await getSnapshot({ user: user.id }), input.params, config.maxQueriesPerUser),
  );
}
