import { NowPage } from '@/components/now/NowPage';
import { PageHeader } from '@/components/ui/PageHeader';
import { getTriageReport } from '@/lib/actions/triage';
import { blockedReason } from '@/lib/auth/blocked';
import { shellAccounts } from '@/lib/shell/shellData';

/** "Now": what is wrong right now across the accounts, ranked, one click from the evidence and the fix. */
export default async function HomePage() {
  const [reason, accounts] = await Promise.all([blockedReason(), shellAccounts()]);
  const accountNames = accounts.ok ? Object.fromEntries(accounts.value.map((a) => [a.accountId, a.name])) : {};
  return (
    <>
      <PageHeader
        title="Now"
        description={
          'What is wrong right now: 5xx rates, new denials, unhealthy targets, latency and traffic drops against ' +
          'each resource’s own baseline, with the routing changes they followed.'
        }
      />
      <NowPage load={getTriageReport} accountNames={accountNames} {...(reason ? { blockedReason: reason } : {})} />
    </>
  );
}
