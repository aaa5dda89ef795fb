import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RoutingView } from '@/components/routing/RoutingView';
import { PageHeader } from '@/components/ui/PageHeader';
import { Skeleton } from '@/components/ui/Skeleton';
import { currentUser } from '@/lib/auth/identity';
import { mutationBlockedReason } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';

export const metadata: Metadata = { title: 'Routing' };

/** Why the signed-in user may not change routes (shown next to disabled controls), or undefined. */
async function blockedReason(): Promise<string | undefined> {
  try {
    return mutationBlockedReason(await currentUser(), getConfig());
  } catch (e) {
    return e instanceof Error ? e.message : 'Not signed in.';
  }
}

export default async function RoutingPage() {
  const reason = await blockedReason();
  return (
    <>
      <PageHeader title="Routing" description="Listener rules and target-group weights, read fresh from VPC Lattice; every change is previewed, version-checked and audited." />
      <Suspense fallback={<Skeleton lines={6} label="Loading routing" />}>
        <RoutingView {...(reason ? { blockedReason: reason } : {})} />
      </Suspense>
    </>
  );
}
