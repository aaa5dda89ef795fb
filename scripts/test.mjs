/**
 * `npm test`: every test, failing fast. First the format and lint check (Biome: `npm run lint`, any
 * diagnostic fails it; `npm run format` fixes the formatting), then Debian's Chromium (installed with apt
 * when possible), unit and contract tests (vitest), cfn-lint of the deploy/ templates (when installed),
 * the production build (on the image's Node LTS, scripts/ltsNode.mjs), and the e2e tests (Playwright: the
 * console with TRELLIS_AUTH=none and, started as the container image starts it, with ALB sign-in).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function step(title, cmd, args, env = process.env) {
  process.stdout.write(`\n=== ${title}: ${[cmd, ...args].join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.error) {
    process.stderr.write(`npm test: cannot run ${cmd}: ${r.error.message}\n`);
    process.exit(1);
  }
  if (r.status !== 0) {
    process.stderr.write(`\nnpm test: ${title} failed (exit code ${r.status ?? r.signal}); stopping.\n`);
    process.exit(r.status || 1);
  }
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !has('apt-get')) {
    process.stderr.write(
      `npm test: the e2e tests need Chromium at ${CHROMIUM} (Debian package "chromium").\n` +
        `Install it with: sudo apt-get update && sudo apt-get install -y chromium\n`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  step('Installing Chromium', 'apt-get', ['update'], env);
  step('Installing Chromium', 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], env);
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`npm test: apt installed "chromium" but ${CHROMIUM} is still missing.\n`);
    process.exit(1);
  }
}

/** Lints the CloudFormation templates in deploy/ when cfn-lint is installed (pip install cfn-lint). */
function lintTemplates() {
  const templates = readdirSync('deploy')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `deploy/${f}`);
  if (!has('cfn-lint')) {
    process.stdout.write(
      `\n=== CloudFormation lint: skipped, cfn-lint is not on PATH ` +
        `(pip install cfn-lint to check ${templates.join(', ')})\n`,
    );
    return;
  }
  step('CloudFormation lint', 'cfn-lint', templates);
}

step('Format and lint', 'npm', ['run', 'lint']);
ensureChromium();
step('Unit and contract tests', 'npx', ['vitest', 'run']);
lintTemplates();
// The production image runs Node.js LTS; the build runs on the same release (scripts/ltsNode.mjs), and
// so does the e2e console started as the image starts it (playwright.config.ts).
step('Build (on the Node LTS of the image)', process.execPath, ['scripts/ltsNode.mjs', '--', 'npm', 'run', 'build']);
step('End-to-end tests', 'npx', ['playwright', 'test']);
process.stdout.write('\nnpm test: all tests passed.\n');
