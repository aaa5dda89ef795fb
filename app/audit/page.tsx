import type { Metadata } from 'next';
import { AreaPlaceholder } from '@/components/shell/AreaPlaceholder';

export const metadata: Metadata = { title: 'Audit' };

export default function AuditPage() {
  return <AreaPlaceholder href="/audit" />;
}
