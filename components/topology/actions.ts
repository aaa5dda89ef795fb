'use client';

/** Actions node components trigger (kept out of node data so data stays plain and memo holds). */
import { createContext, useContext } from 'react';

/** What nodes can ask the view to do. */
export interface TopologyActions {
  toggleExpanded(targetGroupArn: string): void;
}

/** Provided by the topology view. */
export const TopologyActionsContext = createContext<TopologyActions>({ toggleExpanded: () => undefined });

/** The view's actions. */
export function useTopologyActions(): TopologyActions {
  return useContext(TopologyActionsContext);
}
