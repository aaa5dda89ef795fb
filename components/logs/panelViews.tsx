'use client';
/** The component of each panel view (lib/logs/panelTable names the view of each panel). */
import type { ComponentType } from 'react';
import type { PanelView as View } from '@/lib/logs/panelTable';
import { BreakdownPanel } from './BreakdownPanel';
import { HistogramPanel } from './HistogramPanel';
import { LatencyPanel } from './LatencyPanel';
import { RecordsPanel } from './RecordsPanel';
import type { PanelViewProps } from './viewProps';

/** View → component; the type makes every view of the table have one. */
export const PANEL_VIEWS: { [V in View]: ComponentType<PanelViewProps<V>> } = {
  histogram: HistogramPanel,
  latency: LatencyPanel,
  breakdown: BreakdownPanel,
  records: RecordsPanel,
};

/** Draws one panel with the component of its view. */
export function PanelView(props: PanelViewProps) {
  const C = PANEL_VIEWS[props.def.view] as ComponentType<PanelViewProps>;
  return <C {...props} />;
}
