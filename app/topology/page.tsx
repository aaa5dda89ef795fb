import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopologySkeleton } from '@/components/topology/TopologySkeleton';
import { TopologyView } from '@/components/topology/TopologyView';
import { loadSnapshot } from '@/lib/actions/inventory';
import { getTriageReport } from '@/lib/actions/triage';

export const metadata: Metadata = { title: 'Topology' };

/** Reads the snapshot on the server so the first paint already carries it (no extra round trip). */
async function TopologyWithData() {
  const initial = await loadSnapshot({});
  return <TopologyView initial={initial} loadTriage={getTriageReport} />;
}

export default function TopologyPage() {
  return (
    <Suspense fallback={<TopologySkeleton />}>
      <TopologyWithData />
    </Suspense>
  );
}
