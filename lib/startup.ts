/**
 * Start-up check of the server (called from instrumentation.ts): a bad configuration stops the process with
 * every problem listed.
 */
import 'server-only';
import { actionPolicyStartupProblems } from './auth/actionPolicy';
import { authStartupProblems, describeAuth } from './auth/startupCheck';
import { ConfigError, getConfig, type Config } from './config';
import { RECENT_SECONDS_PROBLEM } from './triage/window';
import { VERSION } from './version';

/** One line describing the running configuration, without secrets. */
export function describeConfig(c: Config): string {
  const accounts = c.accounts
    ? `${c.accounts.length} account(s): ${c.accounts.map((a) => `${a.name} ${a.accountId}`).join(', ')}`
    : "the credentials' own account";
  const auth = describeAuth(c);
  const emulator = c.emulatorEndpoint ? `, local emulator at ${c.emulatorEndpoint}` : '';
  return `Trellis ${VERSION}: region ${c.region}, ${accounts}, ${auth}${c.readOnly ? ', read-only' : ''}${emulator}`;
}

/** Validates the configuration; on failure prints the issues and exits with status 1. */
export function checkConfigAtStart(): void {
  try {
    const config = getConfig();
    const problems = [
      ...authStartupProblems(config),
      ...actionPolicyStartupProblems(),
      ...(RECENT_SECONDS_PROBLEM ? [RECENT_SECONDS_PROBLEM] : []),
    ];
    if (problems.length > 0) throw new ConfigError(problems);
    process.stdout.write(`${describeConfig(config)}\n`);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(
        `${e.message}\nFix the environment and start Trellis again (see README.md, ` +
          `"Running against AWS" and "Deploy on ECS").\n`,
      );
      process.exit(1);
    }
    throw e;
  }
}
