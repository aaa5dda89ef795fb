import type { Metadata } from 'next';
import { AreaPlaceholder } from '@/components/shell/AreaPlaceholder';

export const metadata: Metadata = { title: 'Routing' };

export default function RoutingPage() {
  return <AreaPlaceholder href="/routing" />;
}
