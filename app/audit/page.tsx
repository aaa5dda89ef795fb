import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditView } from '@/components/audit/AuditView';
import { PageHeader } from '@/components/ui/PageHeader';
import { Skeleton } from '@/components/ui/Skeleton';
import { blockedReason } from '@/lib/auth/blocked';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Audit' };

export default async function AuditPage() {
  const reason = await blockedReason();
  return (
    <>
      <PageHeader
        title="Audit"
        description={
          'Every attempted routing change and canary step, from the CloudWatch Logs group ' +
          `${getConfig().auditLogGroup}.`
        }
      />
      <Suspense fallback={<Skeleton lines={5} label="Loading the audit log" />}>
        <AuditView {...(reason ? { blockedReason: reason } : {})} />
      </Suspense>
    </>
  );
}
