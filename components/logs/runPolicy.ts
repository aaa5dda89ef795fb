/**
 * A panel's request run with the polling policy of its entry in the panel table (lib/logs/panelTable):
 * rows while running or only at the end, the first poll delay, and over slices of the window (the traffic
 * pass).
 */
import type { PanelPolling } from '@/lib/logs/panelTable';
import type { PanelState } from '@/lib/logs/panelTypes';
import type { StartRequest } from './api';
import { type RunPanelOptions, runPanel } from './runPanel';
import { runSliced } from './runSliced';

/** Runs a panel's request with the polling policy of its entry in the panel table. */
export function runWithPolicy(
  polling: PanelPolling,
  req: StartRequest,
  o: Omit<RunPanelOptions, 'rowsWhileRunning' | 'pollMs'>,
): Promise<PanelState> {
  const opts: RunPanelOptions = {
    ...o,
    rowsWhileRunning: polling.rowsWhileRunning,
    ...(polling.pollMs ? { pollMs: polling.pollMs } : {}),
  };
  return polling.sliced ? runSliced(req, opts) : runPanel(req, opts);
}
