import Link from 'next/link';
import { EmptyState } from '@/components/ui/EmptyState';

export default function NotFound() {
  return (
    <EmptyState title="Page not found" testId="not-found">
      <p>There is no page at this address. It may be a link from an older or newer release of Trellis.</p>
      <p>
        <Link href="/">Go to the overview</Link>
      </p>
    </EmptyState>
  );
}
