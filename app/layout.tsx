import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { QueryProvider } from '@/components/providers/QueryProvider';
import { Shell } from '@/components/shell/Shell';
import { shellAccounts, shellContext } from '@/lib/shell/shellData';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Trellis', template: '%s · Trellis' },
  description: 'Self-hosted console for Amazon VPC Lattice: topology, access logs and routing.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Configuration and user belong to the running deployment and the request, never to the build.
  await connection();
  const ctx = await shellContext();
  return (
    <html lang="en">
      <body>
        <QueryProvider>
          <Shell {...ctx} accounts={shellAccounts()}>
            {children}
          </Shell>
        </QueryProvider>
      </body>
    </html>
  );
}
