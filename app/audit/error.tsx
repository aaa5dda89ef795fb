'use client';

import { ErrorPanel } from '@/components/ui/ErrorPanel';

/** Errors of the audit page: the shell stays, the content says what failed and offers a retry. */
export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} />;
}
