'use client';

/** Last resort when the root layout itself fails (e.g. configuration unreadable): no shell, no styles. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest =
    error instanceof Error && 'digest' in error ? String((error as Error & { digest?: string }).digest ?? '') : '';
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
        <h1 style={{ fontSize: 20 }}>Trellis failed to load</h1>
        <p>The console could not render. Check its server log{digest ? ` for reference ${digest}` : ''}.</p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </body>
    </html>
  );
}
