import type { Metadata } from 'next';
import { AreaPlaceholder } from '@/components/shell/AreaPlaceholder';

export const metadata: Metadata = { title: 'Topology' };

export default function TopologyPage() {
  return <AreaPlaceholder href="/topology" />;
}
