/**
 * Next.js start-up hook: validate the configuration before the server takes requests, so a bad
 * deployment fails at once with every problem listed instead of on the first page view.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The build has no deployment environment; configuration is checked when the server starts.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { checkConfigAtStart } = await import('./lib/startup');
  checkConfigAtStart();
  // Canary plans live in AWS (tags, audit log); every replica polls them and carries them on.
  const { startCanaryRunner } = await import('./lib/routing/canary/startRunner');
  startCanaryRunner();
}
