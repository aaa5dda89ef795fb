/**
 * Deep links of a finding: the logs explorer pre-filtered around the onset, and the topology with the node
 * selected.
 */
import { DEFAULT_VIEW, topologyHref } from '../graph/viewState';
import { defaultFilters, filtersToParams, type DimValues } from '../logs/filters';

const MIN = 60_000;

/** `/logs?…&rank=change` for the filters, from 15 min before the onset to 2 min after `asOf`. */
export function logsHref(include: DimValues, onsetMs: number, asOfMs: number): string {
  const f = defaultFilters();
  const from = Math.floor((onsetMs - 15 * MIN) / MIN) * MIN;
  const to = Math.ceil((Math.max(asOfMs, onsetMs + 5 * MIN) + 2 * MIN) / MIN) * MIN;
  const p = filtersToParams({ ...f, include, time: { kind: 'absolute', fromMs: from, toMs: to }, compare: true });
  p.append('rank', 'change');
  return `/logs?${p.toString()}`;
}

/** `/topology?sel=<arn>`. */
export function graphHref(arn: string): string {
  return topologyHref({ ...DEFAULT_VIEW, selected: arn });
}
