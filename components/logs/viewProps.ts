/** What every panel view gets: its table entry, its handles, and the explorer's shared context. */
import type { DimKey, Rank } from '@/lib/logs/filters';
import type { ChangeMarker } from '@/lib/logs/markers';
import type { PanelOf, PanelView } from '@/lib/logs/panelTable';
import type { BinPeriod } from '@/lib/logs/query';
import type { TimeWindow } from '@/lib/logs/time';
import type { PanelHandle } from './usePanel';

/** The explorer's state a view may draw with or act on. */
export interface ExplorerContext {
  window: TimeWindow | undefined;
  previousWindow: TimeWindow | undefined;
  bin: BinPeriod;
  resolvedAt: number;
  names: Readonly<Record<string, string>>;
  accountNames: Readonly<Record<string, string>>;
  /** Requests matching the filters (for shares), when known. */
  total: number | undefined;
  onPick: (dim: DimKey, value: string, exclude: boolean) => void;
  onBrush: (fromMs: number, toMs: number) => void;
  /** How breakdowns rank their values. */
  rank: Rank;
  /** Routing changes and canary steps in the window (histogram markers). */
  markers: readonly ChangeMarker[];
}

/** Props of the view of a panel. */
export interface PanelViewProps<V extends PanelView = PanelView> {
  def: PanelOf<V>;
  handle: PanelHandle;
  /** The previous period's panel, when comparing. */
  previous?: PanelHandle | undefined;
  /** The same panel without the filters (breakdowns ranked by rate). */
  base?: PanelHandle | undefined;
  ctx: ExplorerContext;
  className?: string;
  /** Runs the panel: present while a panel that runs on demand has not been asked for. */
  onOpen?: (() => void) | undefined;
}
