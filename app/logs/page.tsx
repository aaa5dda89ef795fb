import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LogsExplorer } from '@/components/logs/LogsExplorer';
import { Skeleton } from '@/components/ui/Skeleton';

export const metadata: Metadata = { title: 'Logs' };

/** The access-log explorer; its state is the URL (see lib/domain/logFilters for the parameters). */
export default function LogsPage() {
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading the access-log explorer" />}>
      <LogsExplorer />
    </Suspense>
  );
}
