'use client';
/**
 * The access-log explorer (/logs): filters from the URL, sources from the inventory, and the panels of
 * the panel table (lib/logs/panelTable) that each run their own Logs Insights query, plus the same
 * panels for the previous period when comparing.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getLogMarkers, getLogsContext } from '@/lib/actions/logs';
import { defaultFilters, withoutValue, withValue, type DimKey } from '@/lib/logs/filters';
import type { ChangeMarker } from '@/lib/logs/markers';
import { LOG_PANELS, type PanelDef, type PanelId, queryPanelOf } from '@/lib/logs/panelTable';
import { RECORD_ROWS } from '@/lib/logs/panelQueries';
import { rankNeeds } from '@/lib/logs/ranking';
import { newestWindow } from '@/lib/logs/recordsWindow';
import { viewCost } from '@/lib/logs/viewCost';
import type { PanelState } from '@/lib/logs/panelTypes';
import { needsConfirmation, type TimeWindow } from '@/lib/logs/time';
import { EmptyState } from '../ui/EmptyState';
import { postLogs, type StartRequest } from './api';
import { ExplorerHeader } from './ExplorerHeader';
import { Notices } from './Notices';
import { panelSlots } from './panelSlots';
import { logsKeys } from './queryKeys';
import { stopOpenRuns } from './runPanel';
import { SourceBar } from './SourceBar';
import { useExplorerState } from './useExplorerState';
import { PanelView } from './panelViews';
import { usePanels } from './usePanel';
import { ViewCostLine } from './ViewCostLine';
import type { ExplorerContext } from './viewProps';
import { WideQueryPrompt } from './WideQueryPrompt';
import styles from './logs.module.css';

const NO_MARKERS: readonly ChangeMarker[] = [];
const FIRST = LOG_PANELS.filter((d) => !d.after);
const AFTER = LOG_PANELS.filter((d) => d.after);

/** Requests matching the filters, from the traffic pass's final counts (every slice's rows). */
function totalOf(traffic: PanelState | undefined): number | undefined {
  return traffic?.phase === 'done'
    ? traffic.runs.reduce((n, r) => n + (r.rows ?? []).reduce((m, row) => m + Number(row.n ?? 0), 0), 0)
    : undefined;
}

/** The explorer. */
export function LogsExplorer() {
  const ex = useExplorerState();
  const ctx = useQuery({
    queryKey: logsKeys.context(ex.selectionParams),
    queryFn: () => getLogsContext({ params: ex.selectionParams }),
    staleTime: 30_000,
  });
  const context = ctx.data?.ok ? ctx.data.value : undefined;
  const maxQueries = context?.maxQueries;
  useEffect(() => {
    if (maxQueries) panelSlots.setLimit(maxQueries);
  }, [maxQueries]);
  useEffect(() => {
    // A closed or reloaded tab stops its queries rather than leaving them scanning (and counted against the cap).
    const onHide = () => stopOpenRuns(postLogs);
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, []);
  const groups = context?.selection.sources.length ?? 0;
  const timeKey = `${ex.selectionParams}|${JSON.stringify(ex.filters.time)}`;
  const [confirmedFor, setConfirmedFor] = useState<string | undefined>(undefined);
  // Panels that run on demand (request paths), or run their own exact query on demand (latency), do so once
  // asked for, and from then on in every view.
  const [opened, setOpened] = useState<ReadonlySet<PanelId>>(new Set());
  const active = (def: PanelDef) => !def.onDemand || opened.has(def.id);
  const openable = (def: PanelDef) =>
    (def.onDemand !== undefined || def.exactOnDemand !== undefined) && !opened.has(def.id);
  const wide = ex.window !== undefined && context !== undefined && needsConfirmation(ex.window, groups);
  const ready = ex.window !== undefined && context !== undefined && groups > 0 && (!wide || confirmedFor === timeKey);
  // A panel hosted by another asks for its host's query: same request, same TanStack key, one run for both.
  const req = (panel: PanelId, w: TimeWindow | undefined): StartRequest | undefined =>
    ready && w
      ? {
          panel: queryPanelOf(panel, opened.has(panel)),
          params: ex.queryParams,
          window: w,
          bin: ex.bin,
          ...(wide ? { confirmed: true } : {}),
        }
      : undefined;
  const cmp = ex.filters.compare;
  const needs = rankNeeds(ex.filters.rank);
  // The previous period: every comparable panel when comparing; the breakdowns when ranking by change.
  const wantsPrevious = (def: PanelDef) =>
    active(def) && def.comparable && (cmp || (needs.previous && def.view === 'breakdown'));
  // Ranking by rate: the breakdowns again over the selection alone (no other filter).
  const baseReq = (def: PanelDef): StartRequest | undefined => {
    const r = active(def) && needs.base && def.view === 'breakdown' ? req(def.id, ex.window) : undefined;
    return r ? { ...r, params: ex.selectionParams } : undefined;
  };
  // Panels that run after another (records after the histogram: its counts choose the records' range).
  const first = usePanels(FIRST.map((def) => ({ def, req: active(def) ? req(def.id, ex.window) : undefined })));
  const stateOf = (id: PanelId | undefined) => first[FIRST.findIndex((d) => d.id === id)]?.state;
  const afterReq = (def: PanelDef): StartRequest | undefined => {
    const before = stateOf(def.after);
    const part = before && ex.window ? newestWindow(before, ex.window, RECORD_ROWS) : undefined;
    return part ? req(def.id, part) : undefined;
  };
  const later = usePanels(AFTER.map((def) => ({ def, req: afterReq(def) })));
  const handles = LOG_PANELS.map((def) => (def.after ? later[AFTER.indexOf(def)]! : first[FIRST.indexOf(def)]!));
  const previous = usePanels(
    LOG_PANELS.map((def) => ({ def, req: wantsPrevious(def) ? req(def.id, ex.previous) : undefined })),
  );
  const base = usePanels(LOG_PANELS.map((def) => ({ def, req: baseReq(def) })));
  const w = ex.window;
  const markersQuery = useQuery({
    queryKey: logsKeys.markers(ex.selectionParams, w?.startMs ?? 0, w?.endMs ?? 0),
    queryFn: () => getLogMarkers({ params: ex.selectionParams, startMs: w!.startMs, endMs: w!.endMs }),
    enabled: ready && w !== undefined,
    staleTime: Infinity,
  });
  const markers = markersQuery.data?.ok ? markersQuery.data.value : NO_MARKERS;

  const cost = viewCost([...handles, ...previous, ...base].map((h) => h.state));
  const names = context?.names ?? {};
  const accountNames = context?.accounts ?? {};
  const total = totalOf(handles[LOG_PANELS.findIndex((d) => d.id === 'histogram')]?.state);
  const pick = (dim: DimKey, value: string, exclude: boolean) =>
    ex.navigate(withValue(ex.filters, dim, value, exclude));
  const view: ExplorerContext = {
    window: ex.window,
    previousWindow: ex.previous,
    bin: ex.bin,
    resolvedAt: ex.resolvedAt,
    names,
    accountNames,
    total,
    onPick: pick,
    onBrush: (fromMs, toMs) => ex.navigate({ ...ex.filters, time: { kind: 'absolute', fromMs, toMs } }),
    rank: ex.filters.rank,
    markers,
  };

  return (
    <div
      data-testid="logs-explorer"
      data-window-start={ex.window ? new Date(ex.window.startMs).toISOString() : undefined}
      data-window-end={ex.window ? new Date(ex.window.endMs).toISOString() : undefined}
    >
      <ExplorerHeader
        ex={ex}
        names={names}
        onAdd={pick}
        onRemove={(dim, value, exclude) => ex.navigate(withoutValue(ex.filters, dim, value, exclude))}
        onClear={() =>
          ex.navigate({
            ...defaultFilters(),
            time: ex.filters.time,
            compare: ex.filters.compare,
            rank: ex.filters.rank,
          })
        }
      />
      <Notices
        relative={ex.filters.time.kind === 'relative'}
        problems={ex.problems}
        window={ex.window}
        resolvedAt={ex.resolvedAt}
        contextError={ctx.data && !ctx.data.ok ? ctx.data.error : undefined}
        unreachable={context?.unreachable ?? []}
      />
      {context ? (
        <SourceBar
          context={context}
          picked={ex.filters.sources}
          onPick={(arns) => ex.navigate({ ...ex.filters, sources: arns })}
        />
      ) : (
        <div className={styles.sourceBar}>Reading the inventory…</div>
      )}
      {context && groups === 0 ? (
        <EmptyState title="No access logs to query" testId="logs-no-sources">
          <p>{context.selection.reason}</p>
          <p>
            Enable an access-log subscription to CloudWatch Logs on the service or its service network, or choose other
            log groups above.
          </p>
        </EmptyState>
      ) : wide && confirmedFor !== timeKey && ex.window ? (
        <WideQueryPrompt
          window={ex.window}
          groups={groups}
          onConfirm={() => setConfirmedFor(timeKey)}
          onShorter={() => ex.navigate({ ...ex.filters, time: { kind: 'relative', range: '1h' } })}
        />
      ) : (
        <>
          <ViewCostLine cost={cost} />
          <div className={styles.grid}>
            {LOG_PANELS.map((def, i) => (
              <PanelView
                key={def.id}
                def={def}
                handle={handles[i]!}
                previous={wantsPrevious(def) ? previous[i] : undefined}
                base={baseReq(def) ? base[i] : undefined}
                ctx={view}
                onOpen={openable(def) ? () => setOpened((o) => new Set([...o, def.id])) : undefined}
                {...(def.span === 4 ? { className: styles.span4 } : {})}
              />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
