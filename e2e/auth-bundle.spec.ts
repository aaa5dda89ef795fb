/**
 * The browser bundle of the build (`.next/static/**.js`, what every visitor downloads) contains no
 * server-only code and no secret: no AWS SDK, no lib/aws, no credentials of the demo accounts, no
 * role ARNs or ExternalIds, not the server-action encryption key. Runs in the e2e stage, so always
 * after a build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { STANDARD_ACCOUNTS } from '../emulator/scenarios/accounts';
import { demoAccounts } from '../scripts/demoEnv';

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? jsFiles(p) : n.endsWith('.js') ? [p] : [];
  });
}

test('the client bundle has no server-only module, credential or account secret', () => {
  const files = jsFiles(join('.next', 'static'));
  expect(files.length).toBeGreaterThan(0);
  const manifest = JSON.parse(readFileSync(join('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    encryptionKey?: string;
  };
  const forbidden: Array<string | RegExp> = [
    '@aws-sdk',
    'client-vpc-lattice',
    'client-cloudwatch-logs',
    'AssumeRoleCommand',
    'lib/aws',
    'emulator/',
    'secretAccessKey',
    'SecretAccessKey',
    'x-amz-security-token',
    /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/,
    /trellis-emulator-[a-z0-9-]*secret/,
    /arn:aws:iam::\d{12}:role\//,
    ...STANDARD_ACCOUNTS.flatMap((a) => [a.accessKeyId, a.secretAccessKey]),
    ...demoAccounts().flatMap((a) =>
      [a.readRoleArn, a.writeRoleArn, a.externalId].filter((v): v is string => Boolean(v)),
    ),
    ...(manifest.encryptionKey ? [manifest.encryptionKey] : []),
  ];
  const hits: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const p of forbidden)
      if (typeof p === 'string' ? text.includes(p) : p.test(text)) hits.push(`${f}: ${String(p)}`);
  }
  expect(hits).toEqual([]);
});

test('no source maps are published with the client bundle', () => {
  expect(jsFiles(join('.next', 'static')).length).toBeGreaterThan(0);
  const maps = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : n.endsWith('.map') ? [join(dir, n)] : [],
    );
  })(join('.next', 'static'));
  expect(maps).toEqual([]);
});
