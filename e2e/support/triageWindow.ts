/**
 * The recent window of the e2e `chromium` console (TRELLIS_TRIAGE_RECENT_SECONDS, lib/triage/window.ts):
 * 30 s — the detectors' window is then one whole minute and a finding that stopped firing is held 30 s, so
 * the Now spec sees a rolled-back canary's finding clear in about a minute instead of ~10. Shared by
 * playwright.config.ts (the console's environment) and the specs (their waits), which run in other processes.
 */
export const E2E_TRIAGE_RECENT_SECONDS = 30;
