import type { Metadata } from 'next';
import { AreaPlaceholder } from '@/components/shell/AreaPlaceholder';

export const metadata: Metadata = { title: 'Logs' };

export default function LogsPage() {
  return <AreaPlaceholder href="/logs" />;
}
