import { AreaCards } from '@/components/shell/AreaCards';
import { PageHeader } from '@/components/ui/PageHeader';

export default function HomePage() {
  return (
    <>
      <PageHeader
        title="Overview"
        description={
          'Operate Amazon VPC Lattice across your accounts: see the topology, read the access logs, shift traffic.'
        }
      />
      <AreaCards />
    </>
  );
}
