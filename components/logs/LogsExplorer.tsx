'use client';
/**
 * The access-log explorer (/logs): filters from the URL, sources from the inventory, and panels that
 * each run their own Logs Insights query (histogram, latency, seven breakdowns, records), plus the
 * same panels for the previous period when comparing.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { getLogsContext } from '@/lib/actions/logs';
import { defaultFilters, withoutValue, withValue, type DimKey } from '@/lib/logs/filters';
import { BREAKDOWN_DIMS, type PanelId } from '@/lib/logs/panelQueries';
import { needsConfirmation, type TimeWindow } from '@/lib/logs/time';
import { EmptyState } from '../ui/EmptyState';
import { postLogs, type StartRequest } from './api';
import { BreakdownPanel } from './BreakdownPanel';
import { ExplorerHeader } from './ExplorerHeader';
import { HistogramPanel } from './HistogramPanel';
import { LatencyPanel } from './LatencyPanel';
import { Notices } from './Notices';
import { panelSlots } from './panelSlots';
import { logsKeys } from './queryKeys';
import { RecordsPanel } from './RecordsPanel';
import { stopOpenRuns } from './runPanel';
import { SourceBar } from './SourceBar';
import { useExplorerState } from './useExplorerState';
import { usePanel } from './usePanel';
import { WideQueryPrompt } from './WideQueryPrompt';
import styles from './logs.module.css';

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

  const histogram = usePanel(req('histogram', ex.window));
  // Percentiles of part of the data would mislead: the latency panel shows only final figures.
  const latency = usePanel(req('latency', ex.window), false);
  const records = usePanel(req('records', ex.window), false);
  const tops = {
    user: usePanel(req('top-user', ex.window)),
    authDenied: usePanel(req('top-authDenied', ex.window)),
    code: usePanel(req('top-code', ex.window)),
    path: usePanel(req('top-path', ex.window)),
    targetGroup: usePanel(req('top-targetGroup', ex.window)),
    sourceVpc: usePanel(req('top-sourceVpc', ex.window)),
    failure: usePanel(req('top-failure', ex.window)),
  };
  const prevHistogram = usePanel(cmp ? req('histogram', ex.previous) : undefined);
  const prevLatency = usePanel(cmp ? req('latency', ex.previous) : undefined, false);
  const prevTops = {
    user: usePanel(cmp ? req('top-user', ex.previous) : undefined),
    authDenied: usePanel(cmp ? req('top-authDenied', ex.previous) : undefined),
    code: usePanel(cmp ? req('top-code', ex.previous) : undefined),
    path: usePanel(cmp ? req('top-path', ex.previous) : undefined),
    targetGroup: usePanel(cmp ? req('top-targetGroup', ex.previous) : undefined),
    sourceVpc: usePanel(cmp ? req('top-sourceVpc', ex.previous) : undefined),
    failure: usePanel(cmp ? req('top-failure', ex.previous) : undefined),
  };

  const names = context?.names ?? {};
  const accountNames = context?.accounts ?? {};
  const total =
    latency.state?.phase === 'done'
      ? latency.state.runs.reduce((n, r) => n + Number(r.rows?.[0]?.requests ?? 0), 0)
      : undefined;
  const pick = (dim: DimKey, value: string, exclude: boolean) =>
    ex.navigate(withValue(ex.filters, dim, value, exclude));

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
          <HistogramPanel
            className={styles.span4}
            handle={histogram}
            previous={cmp ? prevHistogram : undefined}
            window={ex.window}
            previousWindow={ex.previous}
            bin={ex.bin}
            resolvedAt={ex.resolvedAt}
            accountNames={accountNames}
            onBrush={(fromMs, toMs) => ex.navigate({ ...ex.filters, time: { kind: 'absolute', fromMs, toMs } })}
          />
          <LatencyPanel handle={latency} previous={cmp ? prevLatency : undefined} accountNames={accountNames} />
          {BREAKDOWN_DIMS.map((d) => (
            <BreakdownPanel
              key={d}
              dim={d}
              handle={tops[d]}
              previous={cmp ? prevTops[d] : undefined}
              total={total}
              names={names}
              accountNames={accountNames}
              onPick={pick}
            />
          ))}
          <RecordsPanel
            className={styles.span4}
            handle={records}
            window={ex.window}
            names={names}
            accountNames={accountNames}
          />
        </div>
      )}
    </div>
  );
}
