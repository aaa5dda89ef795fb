'use server';
/** Server actions of the access-log explorer (short reads; the panels' queries go through /api/logs/query). */
import { z } from 'zod';
import { listAudit } from '../audit/history';
import type { Result } from '../domain/result';
import { getSnapshot } from '../inventory';
import { logsContext as buildContext, type LogsContext } from '../logs/context';
import { parseLogFilters } from '../logs/filters';
import { type ChangeMarker, changeMarkers } from '../logs/markers';
import { routingContext } from '../routing/context';
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

const ms = z.number().int().min(0).max(8.64e15);
const markersInput = z
  .object({ params: z.string().max(64_000), startMs: ms, endMs: ms })
  .refine((i) => i.endMs > i.startMs && i.endMs - i.startMs <= 31 * 86_400_000, 'a window of at most 31 days');

/**
 * Routing changes and canary steps of the audit log in a window, for the services and target groups of
 * the explorer URL's `params`: the histogram's markers. One audit-log query per call.
 */
export async function getLogMarkers(raw: {
  params: string;
  startMs: number;
  endMs: number;
}): Promise<Result<ChangeMarker[]>> {
  return runAction({ name: 'logs.markers', input: markersInput, mutates: false }, raw, async (i, { user }) => {
    const w = { startMs: i.startMs, endMs: i.endMs };
    const page = await listAudit(routingContext(user), { range: '7d', from: w.startMs, to: w.endMs });
    return changeMarkers(page.events, page.names, parseLogFilters(new URLSearchParams(i.params)).filters, w);
  });
}
