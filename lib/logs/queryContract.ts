/**
 * The contract of POST /api/logs/query, declared once: the zod schemas the server validates with, and
 * the request and answer types the browser's client (components/logs/api) is typed with. Pure (no
 * server-only imports): the browser imports its types.
 */
import { z } from 'zod';
import type { PanelStarted, RunProgress } from './panelTypes';
import { PANEL_IDS, type PanelId } from './panelTable';
import { BIN_PERIODS } from './query';

const ms = z.number().int().min(0).max(8.64e15);
const runRef = z.object({
  accountId: z.string().regex(/^\d{12}$/),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  queryId: z.string().regex(/^[A-Za-z0-9-]{1,256}$/),
});

/** Input of `startPanel`. */
export const startPanelInput = z.object({
  panel: z.enum(PANEL_IDS as [PanelId, ...PanelId[]]),
  /** The explorer URL's query string (filters). */
  params: z.string().max(64_000),
  window: z
    .object({ startMs: ms, endMs: ms })
    .refine((w) => w.endMs > w.startMs, 'the end of the window must be after its start'),
  bin: z.enum(BIN_PERIODS),
  /** The user confirmed a wide query. */
  confirmed: z.boolean().optional(),
});
/** Input of `pollRuns` / `stopRuns`. */
export const runsInput = z.object({ runs: z.array(runRef).min(1).max(100), rows: z.boolean().optional() });

/** The body of POST /api/logs/query. */
export const logsRequest = z.discriminatedUnion('op', [
  startPanelInput.extend({ op: z.literal('start') }),
  runsInput.extend({ op: z.literal('poll') }),
  runsInput.extend({ op: z.literal('stop') }),
]);

/** What starting a panel needs. */
export type StartRequest = z.input<typeof startPanelInput>;
/** Requests of the route, by op. */
export type LogsRequest = z.input<typeof logsRequest>;

/** Answers of the route, by op. */
export interface LogsAnswers {
  start: PanelStarted;
  poll: RunProgress[];
  stop: { stopped: number };
}
