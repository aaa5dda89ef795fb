'use client';

/**
 * TanStack Query for the whole console: one client per browser tab. Features define their query
 * keys in one factory each (components/<feature>/queryKeys.ts) and call server actions in queryFn.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Server actions return Result values; failures are data, so retries are the feature's choice.
            retry: false,
            refetchOnWindowFocus: false,
            staleTime: 15_000,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
