/** TanStack Query keys of the access-log explorer: one factory, so cancel and refetch find the same keys. */
import type { StartRequest } from './api';

export const logsKeys = {
  all: ['logs'] as const,
  /** Sources and names for a selection (the URL's network/service/targetGroup/source parameters). */
  context: (selection: string) => ['logs', 'context', selection] as const,
  /** Routing changes of the audit log in a window, for a selection. */
  markers: (selection: string, startMs: number, endMs: number) =>
    ['logs', 'markers', selection, startMs, endMs] as const,
  /** One panel's queries for filters, window and bin. */
  panel: (r: StartRequest) =>
    ['logs', 'panel', r.panel, r.params, r.window.startMs, r.window.endMs, r.bin, r.confirmed === true] as const,
};
