'use client';
/**
 * The access-log explorer (/logs): filters from the URL, sources from the inventory, and the panels of
 * the panel table (lib/logs/panelTable) that each run their own Logs Insights query, plus the same
 * panels for the previous period when comparing.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getLogsContext } from '@/lib/actions/logs';
import { defaultFilters, withoutValue, withValue, type DimKey } from '@/lib/logs/filters';
import { LOG_PANELS, type PanelId } from '@/lib/logs/panelTable';
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
import type { ExplorerContext } from './viewProps';
import { WideQueryPrompt } from './WideQueryPrompt';
import styles from './logs.module.css';

/** Requests matching the filters, from the latency panel's final counts. */
function totalOf(latency: PanelState | undefined): number | undefined {
  return latency?.phase === 'done'
    ? latency.runs.reduce((n, r) => n + Number(r.rows?.[0]?.requests ?? 0), 0)
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
  const wide = ex.window !== undefined && context !== undefined && needsConfirmation(ex.window, groups);
  const ready = ex.window !== undefined && context !== undefined && groups > 0 && (!wide || confirmedFor === timeKey);
  const req = (panel: PanelId, w: TimeWindow | undefined): StartRequest | undefined =>
    ready && w
      ? { panel, params: ex.queryParams, window: w, bin: ex.bin, ...(wide ? { confirmed: true } : {}) }
      : undefined;
  const cmp = ex.filters.compare;
  const handles = usePanels(LOG_PANELS.map((def) => ({ def, req: req(def.id, ex.window) })));
  const previous = usePanels(
    LOG_PANELS.map((def) => ({ def, req: cmp && def.comparable ? req(def.id, ex.previous) : undefined })),
  );

  const names = context?.names ?? {};
  const accountNames = context?.accounts ?? {};
  const total = totalOf(handles[LOG_PANELS.findIndex((d) => d.id === 'latency')]?.state);
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
        onClear={() => ex.navigate({ ...defaultFilters(), time: ex.filters.time, compare: ex.filters.compare })}
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
        <div className={styles.grid}>
          {LOG_PANELS.map((def, i) => (
            <PanelView
              key={def.id}
              def={def}
              handle={handles[i]!}
              previous={cmp && def.comparable ? previous[i] : undefined}
              ctx={view}
              {...(def.span === 4 ? { className: styles.span4 } : {})}
            />
          ))}
        </div>
      )}
    </div>
  );
}
