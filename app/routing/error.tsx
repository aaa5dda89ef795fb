'use client';

import { ErrorPanel } from '@/components/ui/ErrorPanel';

/** Errors of the routing page: the shell stays, the content says what failed and offers a retry. */
export default function RoutingError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
