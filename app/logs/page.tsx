import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LogsExplorer } from '@/components/logs/LogsExplorer';
import { LogsSkeleton } from '@/components/logs/LogsSkeleton';

export const metadata: Metadata = { title: 'Logs' };

/** The access-log explorer; its state is the URL (see lib/logs/filters for the parameters). */
export default function LogsPage() {
  return (
    <Suspense fallback={<LogsSkeleton />}>
      <LogsExplorer />
    </Suspense>
  );
}
