'use client';

import { ErrorPanel } from '@/components/ui/ErrorPanel';

/** The topology page failed to render: the shell stays, with a retry. */
export default function TopologyError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
