import type { Metadata } from 'next';
import { Suspense } from 'react';
import { preload } from 'react-dom';
import { TopologySkeleton } from '@/components/topology/TopologySkeleton';
import { TopologyView } from '@/components/topology/TopologyView';
import { getTriageReport } from '@/lib/actions/triage';

export const metadata: Metadata = { title: 'Topology' };

/**
 * The page answers at once with its shell: the snapshot is fetched by the browser from
 * /api/topology/snapshot (JSON), never serialised into the HTML (see that route for why).
 */
export default function TopologyPage() {
  // Asked for by the HTML's head, so it downloads while the scripts do (useSnapshot's fetch takes it over).
  preload('/api/topology/snapshot', { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <Suspense fallback={<TopologySkeleton />}>
      <TopologyView loadTriage={getTriageReport} />
    </Suspense>
  );
}
