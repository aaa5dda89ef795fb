/**
 * The explorer's panels, one entry each: id, title, query builder, fold (rows → what the panel draws),
 * polling policy, whether "compare" repeats it for the previous period, its width, and the view that
 * draws it (components/logs/panelViews maps views to components). The server builds a panel's query
 * from here, the browser runs, folds and lays the panels out from here: a new panel is one entry (plus
 * its component when no existing view fits). Pure.
 */
import type { AccessLogEntry } from '../domain/accessLog';
import type { LogFilters } from './filters';
import {
  BREAKDOWN_DIMS,
  type BreakdownDim,
  breakdownQuery,
  histogramQuery,
  latencyQuery,
  RECORD_ROWS,
  recordsQuery,
  TRAFFIC_DIMS,
} from './panelQueries';
import {
  type BreakdownItem,
  foldBreakdown,
  foldHistogram,
  foldLatency,
  foldRecords,
  type Histogram,
  type LatencyFigures,
} from './panelResults';
import { type PanelState, rowsOf } from './panelTypes';
import type { BinPeriod, InsightsQuery } from './query';
import { FILTER_DIMS } from './filters';
import type { TimeWindow } from './time';

/** Panels of the explorer. */
export type PanelId = 'histogram' | 'latency' | 'records' | `top-${BreakdownDim}`;

/** How the browser polls a panel's queries (lib/logs → components/logs/runPanel). */
export interface PanelPolling {
  /** Ask for rows while running (aggregates draw progressively; final-only figures do not). */
  rowsWhileRunning: boolean;
  /** First poll delay in ms (default 400). */
  pollMs?: number;
  /** Run over consecutive slices of whole bins sized to stay under the row cap (the traffic pass). */
  sliced?: boolean;
}

interface PanelBase {
  id: PanelId;
  title: string;
  /**
   * The panel whose query this one folds (several panels from one `stats` pass): it runs no query of its
   * own; its requests name the host, so the browser runs the host's query once for both.
   */
  host?: PanelId;
  /**
   * A hosted panel whose own query gives exact figures the host's pass can only estimate: run on demand
   * (one more pass), why in a sentence next to the button. Its `query` is then that own query.
   */
  exactOnDemand?: string;
  /**
   * The Logs Insights query for filters (and the histogram's bin period); a hosted panel's is its host's
   * (or, with `exactOnDemand`, its own exact one).
   */
  query: (f: Pick<LogFilters, 'include' | 'exclude'>, bin: BinPeriod) => InsightsQuery;
  polling: PanelPolling;
  /** Runs once this panel's query finished (its window depends on it: records after the histogram). */
  after?: PanelId;
  /** "Compare with the previous period" runs it for that period too. */
  comparable: boolean;
  /** Grid columns it spans (the grid has 4). */
  span: 1 | 4;
  /**
   * Runs only once the user asks for it (it would add a pass over the window to every view): why, in a
   * sentence the panel shows until then.
   */
  onDemand?: string;
}

/** One panel; `view` says which component draws it and what its fold returns. */
export type PanelDef =
  | (PanelBase & { view: 'histogram'; fold: (s: PanelState, w: TimeWindow, bin: BinPeriod) => Histogram })
  | (PanelBase & { view: 'latency'; fold: (s: PanelState) => LatencyFigures[] })
  | (PanelBase & { view: 'breakdown'; dim: BreakdownDim; fold: (s: PanelState, top: number) => BreakdownItem[] })
  | (PanelBase & { view: 'records'; fold: (s: PanelState) => AccessLogEntry[] });

/** The views panels are drawn with. */
export type PanelView = PanelDef['view'];
/** The entry of one view. */
export type PanelOf<V extends PanelView> = Extract<PanelDef, { view: V }>;

/** Titles of the breakdown panels. */
export const BREAKDOWN_TITLES: Record<BreakdownDim, string> = {
  user: 'Resolved users',
  authDenied: 'Denial reasons',
  code: 'Status codes',
  path: 'Request paths',
  targetGroup: 'Target groups',
  sourceVpc: 'Source VPCs',
  failure: 'Failure reasons',
};

/** Breakdowns folded from the histogram's traffic pass (the others run their own query). */
const traffic = (dim: BreakdownDim): boolean => (TRAFFIC_DIMS as readonly BreakdownDim[]).includes(dim);

const breakdown = (dim: BreakdownDim): PanelOf<'breakdown'> => ({
  id: `top-${dim}`,
  title: BREAKDOWN_TITLES[dim],
  view: 'breakdown',
  dim,
  ...(traffic(dim) ? { host: 'histogram' as const } : {}),
  query: traffic(dim) ? histogramQuery : (f) => breakdownQuery(dim, f),
  fold: (s, top) => foldBreakdown(rowsOf(s), FILTER_DIMS[dim].field, top),
  polling: { rowsWhileRunning: true },
  comparable: true,
  span: 1,
  ...(traffic(dim) ? {} : { onDemand: ON_DEMAND }),
});

/** Why a breakdown outside the traffic pass (request paths: thousands of values) waits to be asked for. */
const ON_DEMAND =
  'Paths have too many values to share the other breakdowns’ pass: this panel scans the window once more.';

/** Every panel, in the order the explorer lays them out. */
export const LOG_PANELS: readonly PanelDef[] = [
  {
    id: 'histogram',
    title: 'Requests over time',
    view: 'histogram',
    query: histogramQuery,
    fold: (s, w, bin) => foldHistogram(rowsOf(s), w, bin),
    // Rows at the end of each slice only (a busy hour is tens of thousands of rows: sending them again on
    // every poll costs more than it shows); the slices finish one after another, so it still fills in.
    polling: { rowsWhileRunning: false, sliced: true },
    comparable: true,
    span: 4,
  },
  {
    id: 'latency',
    title: 'Latency (duration)',
    view: 'latency',
    // Estimated from the traffic pass's per-row duration figures; exact from a pass of its own, on demand.
    host: 'histogram',
    exactOnDemand: 'Exact percentiles scan the window once more.',
    query: latencyQuery,
    fold: (s) => foldLatency(s.runs),
    // Its own (exact) query: percentiles of part of the data would mislead: final figures only, and fewer
    // polls (every GetQueryResults of a running percentile query recomputes it over everything read so far).
    polling: { rowsWhileRunning: false, pollMs: 800 },
    comparable: true,
    span: 1,
  },
  ...BREAKDOWN_DIMS.map(breakdown),
  {
    id: 'records',
    title: 'Records',
    view: 'records',
    query: recordsQuery,
    fold: (s) => foldRecords(rowsOf(s), RECORD_ROWS),
    // Over the newest bins that hold RECORD_ROWS matching records (lib/logs/recordsWindow), once the
    // histogram counted them: Insights scans the whole range of a `limit` query, so the range is the cost.
    polling: { rowsWhileRunning: false },
    after: 'histogram',
    comparable: false,
    span: 4,
  },
];

/** Every panel id. */
export const PANEL_IDS: readonly PanelId[] = LOG_PANELS.map((p) => p.id);

/** The entry of a panel id. */
export function panelDef(id: PanelId): PanelDef {
  const def = LOG_PANELS.find((p) => p.id === id);
  if (!def) throw new Error(`Unknown panel ${id}`);
  return def;
}

/** The panel whose query draws `id` (itself unless it is hosted by another, or asked for its exact figures). */
export function queryPanelOf(id: PanelId, exact = false): PanelId {
  const def = panelDef(id);
  return exact && def.exactOnDemand ? id : (def.host ?? id);
}

/** The panels that run a query of their own (one Insights query per account each). */
export const QUERY_PANEL_IDS: readonly PanelId[] = LOG_PANELS.filter((p) => !p.host).map((p) => p.id);

/** The query of a panel for filters (and the histogram's bin period). */
export function panelQuery(id: PanelId, f: Pick<LogFilters, 'include' | 'exclude'>, bin: BinPeriod): InsightsQuery {
  return panelDef(id).query(f, bin);
}
