import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RoutingView } from '@/components/routing/RoutingView';
import { PageHeader } from '@/components/ui/PageHeader';
import { Skeleton } from '@/components/ui/Skeleton';
import { blockedReason } from '@/lib/auth/blocked';

export const metadata: Metadata = { title: 'Routing' };

export default async function RoutingPage() {
  const reason = await blockedReason();
  return (
    <>
      <PageHeader
        title="Routing"
        description={
          'Listener rules and target-group weights, read fresh from VPC Lattice; ' +
          'every change is previewed, version-checked and audited.'
        }
      />
      <Suspense fallback={<Skeleton lines={6} label="Loading routing" />}>
        <RoutingView {...(reason ? { blockedReason: reason } : {})} />
      </Suspense>
    </>
  );
}
