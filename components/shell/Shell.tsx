import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import type { ErrorInfo } from '@/lib/domain/errors';
import type { User } from '@/lib/domain/user';
import { AccountIndicator, AccountIndicatorPending, type AccountsResult } from './AccountIndicator';
import { AuthOffBanner, EmulatorBanner, ReadOnlyBanner } from './Banners';
import { TopNav } from './TopNav';
import styles from './shell.module.css';

/** What the shell shows; plain data prepared on the server (see lib/shell/shellData). */
export interface ShellProps {
  version: string;
  region: string;
  emulatorEndpoint?: string;
  readOnly: boolean;
  user: { ok: true; value: User } | { ok: false; error: ErrorInfo };
  /** Why the user may not change anything; shown on the user chip. */
  blockedReason?: string;
  accountsConfigured: boolean;
  accounts: Promise<AccountsResult>;
  children: ReactNode;
}

/** The frame of every page: header (brand, navigation, accounts), environment banners, content. */
export function Shell(p: ShellProps) {
  const anonymous = p.user.ok && p.user.value.source === 'anonymous' ? p.user.value : undefined;
  return (
    <div className={styles.frame}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <Link href="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true" />
          Trellis
        </Link>
        <TopNav />
        <div className={styles.headerEnd}>
          <Suspense fallback={<AccountIndicatorPending region={p.region} />}>
            <AccountIndicator region={p.region} accounts={p.accounts} configured={p.accountsConfigured} />
          </Suspense>
          {p.user.ok ? (
            <span
              className={styles.user}
              data-testid="user-chip"
              title={
                `Signed in as ${p.user.value.name} (${p.user.value.role}). ` +
                (p.blockedReason ?? 'May change routes and weights.')
              }
            >
              {p.user.value.name} · {p.user.value.role}
            </span>
          ) : null}
          {p.user.ok && p.user.value.source === 'alb' ? (
            // A full page load (not client navigation): the route expires the load balancer's session cookies.
            <a className={styles.signOut} href="/api/auth/sign-out" data-testid="sign-out">
              Sign out
            </a>
          ) : null}
        </div>
      </header>
      <div className={styles.banners}>
        {p.emulatorEndpoint ? <EmulatorBanner endpoint={p.emulatorEndpoint} /> : null}
        {anonymous ? <AuthOffBanner role={anonymous.role} /> : null}
        {p.readOnly ? <ReadOnlyBanner /> : null}
      </div>
      <main id="main" className={styles.main} tabIndex={-1}>
        {p.children}
      </main>
      <footer className={styles.footer}>Trellis {p.version} · console for Amazon VPC Lattice</footer>
    </div>
  );
}
