import Link from 'next/link';
import { EmptyState } from '../ui/EmptyState';
import { PageHeader } from '../ui/PageHeader';
import { AREAS, type Area } from './areas';

/** The page of an area that is not built yet: its purpose and an honest "not yet". */
export function AreaPlaceholder({ href }: { href: Area['href'] }) {
  const area = AREAS.find((a) => a.href === href);
  if (!area) throw new Error(`unknown area ${href}`);
  return (
    <>
      <PageHeader title={area.label} description={area.summary} />
      <EmptyState title={`${area.label} arrives with the next release`} testId="area-placeholder">
        <p>This part of the console is not built yet. The shell, configuration and AWS access it will use are in place.</p>
        <p>
          <Link href="/">Back to the overview</Link>
        </p>
      </EmptyState>
    </>
  );
}
