/**
 * The explorer's panels on the server: start one Logs Insights query per account and region for a
 * panel, report their progress, stop them. Filters arrive as the URL's query string and are parsed
 * with the same schema as the page; log groups are chosen from the inventory here (never taken on
 * trust from the browser). A failing account becomes a `ScopeFailure`; the others still run.
 */
import 'server-only';
import type { z } from 'zod';
import type { AwsClientFactory } from '../aws/clientFactory';
import { TrellisError, toErrorInfo } from '../domain/errors';
import { INDEX_FIELDS, indexFilterFor, withFieldIndex } from './fieldIndex';
import { parseLogFilters } from './filters';
import { fieldsIndexedByAll } from './indexes';
import type { PanelRun, PanelStarted, RunProgress, RunRef, ScanStats, ScopeFailure } from './panelTypes';
import { logEvent } from '../observability/log';
import { panelQuery } from './panelTable';
import type { runsInput, startPanelInput } from './queryContract';
import { scopesOf, selectSources } from './sources';
import { MAX_SPAN_MS, needsConfirmation } from './time';
import { printQuery } from './query';
import type { Snapshot } from '../domain/snapshot';
import { getQuery, startQuery, stopQuery } from './runner';

/** What the panel services need. */
export interface PanelDeps {
  factory: AwsClientFactory;
  snapshot: (user: string) => Promise<Snapshot>;
  /** The signed-in user's id (SourceIdentity of assumed roles). */
  user: string;
}

/** Starts a panel's query in every account its log groups are in. */
export async function startPanel(input: z.infer<typeof startPanelInput>, deps: PanelDeps): Promise<PanelStarted> {
  const { filters } = parseLogFilters(new URLSearchParams(input.params));
  const w = input.window;
  if (w.endMs - w.startMs > MAX_SPAN_MS) throw new TrellisError('VALIDATION', 'A query may span at most 31 days.');
  const snapshot = await deps.snapshot(deps.user);
  const sel = selectSources(snapshot, filters);
  // filterIndex only when every queried group indexes the field (groups without it would be skipped whole).
  // No DescribeIndexPolicies at all when no filter could use an index (e.g. the unfiltered first view).
  const indexable = indexFilterFor(filters, new Set(INDEX_FIELDS)) !== undefined;
  const indexed = indexable ? await fieldsIndexedByAll(sel.sources, deps.user, deps.factory) : new Set<string>();
  const query = withFieldIndex(panelQuery(input.panel, filters, input.bin), filters, indexed);
  const queryText = printQuery(query);
  const base = {
    queryText,
    sources: sel.sources.map((g) => g.arn),
    reason: sel.reason,
    ...(query.filterIndex ? { indexedBy: query.filterIndex.field } : {}),
  };
  if (sel.sources.length === 0) return { ...base, runs: [], failures: [] };
  if (needsConfirmation(w, sel.sources.length) && !input.confirmed) {
    throw new TrellisError(
      'VALIDATION',
      `This query scans ${sel.sources.length} log group(s) over a wide range; confirm it first.`,
    );
  }
  const runs: PanelRun[] = [];
  const failures: ScopeFailure[] = [];
  const start = async (
    scope: { accountId: string; region: string; logGroupNames: string[] },
    retry: boolean,
  ): Promise<void> => {
    try {
      const { queryId } = await startQuery(
        {
          accountId: scope.accountId,
          region: scope.region,
          user: deps.user,
          logGroupNames: scope.logGroupNames,
          query,
          startMs: w.startMs,
          endMs: w.endMs,
          limit: 10_000,
        },
        deps.factory,
      );
      runs.push({ ...scope, queryId });
    } catch (e) {
      const error = toErrorInfo(e);
      // One deleted log group fails the whole account's query: report it and query the others.
      const missing =
        error.code === 'NOT_FOUND' ? scope.logGroupNames.filter((n) => error.message.includes(`'${n}'`)) : [];
      if (retry && missing.length > 0 && missing.length < scope.logGroupNames.length) {
        failures.push({ ...scope, logGroupNames: missing, error });
        await start({ ...scope, logGroupNames: scope.logGroupNames.filter((n) => !missing.includes(n)) }, false);
      } else {
        failures.push({ ...scope, error });
      }
    }
  };
  await Promise.all(
    scopesOf(sel.sources).map((scope) =>
      start({ accountId: scope.accountId, region: scope.region, logGroupNames: scope.logGroupNames }, true),
    ),
  );
  return { ...base, runs, failures };
}

/**
 * One JSON log line per finished query with what it scanned and skipped (Logs Insights bills bytes
 * scanned): summed per user or account in Logs Insights, it is what the explorer costs.
 */
function logQueryCost(r: RunRef, status: string, s: ScanStats, user: string): void {
  logEvent('info', 'logs.query.cost', {
    user,
    accountId: r.accountId,
    region: r.region,
    queryId: r.queryId,
    status,
    recordsScanned: s.recordsScanned,
    bytesScanned: s.bytesScanned,
    bytesSkipped: s.bytesSkipped ?? 0,
  });
}

/** Progress of runs; a run that cannot be read reports its error, the others still answer. */
export async function pollRuns(input: z.infer<typeof runsInput>, deps: PanelDeps): Promise<RunProgress[]> {
  return Promise.all(
    input.runs.map(async (r): Promise<RunProgress> => {
      try {
        const p = await getQuery(
          { accountId: r.accountId, region: r.region, user: deps.user },
          r.queryId,
          deps.factory,
        );
        const done = p.status !== 'Running' && p.status !== 'Scheduled';
        if (done) logQueryCost(r, p.status, p.statistics, deps.user);
        return {
          ...r,
          status: p.status,
          statistics: p.statistics,
          ...(input.rows === false && !done ? {} : { rows: p.rows }),
        };
      } catch (e) {
        const error = toErrorInfo(e);
        // Throttled or slow this time (GetQueryResults has a low rate quota): the query still runs, ask again later.
        const transient =
          error.retryable && (error.code === 'THROTTLED' || error.code === 'TIMEOUT' || error.code === 'UNREACHABLE');
        return {
          ...r,
          status: transient ? 'Running' : 'Failed',
          statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
          error,
        };
      }
    }),
  );
}

/** Stops runs (those already finished are not an error). */
export async function stopRuns(runs: readonly RunRef[], deps: PanelDeps): Promise<{ stopped: number }> {
  const out = await Promise.allSettled(
    runs.map((r) => stopQuery({ accountId: r.accountId, region: r.region, user: deps.user }, r.queryId, deps.factory)),
  );
  return { stopped: out.filter((o) => o.status === 'fulfilled').length };
}
