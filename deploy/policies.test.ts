/**
 * The IAM policy documents in deploy/iam allow every AWS call the console makes, and only that
 * kind: reads in the read-only document, changes in the operator document, STS in the task role's.
 * Generic: it scans the production sources of lib/aws (not tests or test support) for `new <Name>Command(`
 * of the three SDK clients, so commands added by any feature are checked. Only lib/aws may import the SDK
 * (lib/aws/sdkBoundary.test.ts), so every AWS call of the console is there.
 * The CloudFormation templates must grant the same actions as the documents.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');

interface PolicyDoc {
  Version: string;
  Statement: Array<{
    Sid?: string;
    Effect: string;
    Action: string | string[];
    Resource?: string | string[];
    Principal?: unknown;
    Condition?: unknown;
  }>;
}

function doc(name: string): PolicyDoc {
  return JSON.parse(readFileSync(join(root, 'deploy', 'iam', name), 'utf8')) as PolicyDoc;
}

function actionsOf(d: PolicyDoc): Set<string> {
  return new Set(d.Statement.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
}

const readOnly = actionsOf(doc('trellis-read-only.json'));
const operator = actionsOf(doc('trellis-operator.json'));
const taskRole = actionsOf(doc('trellis-task-role.json'));

const PREFIX: Record<string, string> = {
  '@aws-sdk/client-vpc-lattice': 'vpc-lattice',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
  '@aws-sdk/client-sts': 'sts',
};
/** Operations authorized by another IAM action (Service Authorization Reference). */
const IAM_ACTION_OF: Record<string, string> = { 'vpc-lattice:BatchUpdateRule': 'vpc-lattice:UpdateRule' };
/** Needs no permission at all. */
const ALWAYS_ALLOWED = new Set(['sts:GetCallerIdentity']);
/** Logs Insights queries are how the console reads logs; they do not change anything. */
const READ = /^(?:vpc-lattice|logs):(?:Get|List|Describe|Filter)|^logs:(?:StartQuery|StopQuery|GetQueryResults)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'testing' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

/** IAM action → files that send it. Test support (importing vitest or the emulator) is not production code. */
function commandsInCode(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(join(root, 'lib', 'aws'))) {
    const text = readFileSync(file, 'utf8');
    if (/from ['"](?:vitest|[./]*emulator\/)/.test(text)) continue;
    const imported = new Map<string, string>();
    for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"](@aws-sdk\/client-[a-z-]+)['"]/g)) {
      for (const n of (m[1] ?? '').split(',')) {
        const name =
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '';
        if (name.endsWith('Command') && m[2]) imported.set(name, m[2]);
      }
    }
    for (const m of text.matchAll(/new\s+([A-Z]\w*)Command\(/g)) {
      const pkg = imported.get(`${m[1]}Command`);
      const prefix = pkg ? PREFIX[pkg] : undefined;
      if (!prefix) continue;
      const op = `${prefix}:${m[1]}`;
      const action = IAM_ACTION_OF[op] ?? op;
      found.set(action, [...(found.get(action) ?? []), relative(root, file)]);
    }
  }
  return found;
}

describe('IAM policy documents cover the AWS calls of the code', () => {
  const calls = commandsInCode();

  it('finds the calls of the existing services (guards the scanner itself)', () => {
    for (const a of [
      'sts:AssumeRole',
      'logs:StartQuery',
      'logs:GetQueryResults',
      'logs:StopQuery',
      'logs:PutLogEvents',
      'vpc-lattice:ListServices',
      'vpc-lattice:GetRule',
      'vpc-lattice:UpdateRule',
      'vpc-lattice:TagResource',
    ])
      expect(calls.has(a), a).toBe(true);
  });

  it('allows every read in the read-only document and every change in the operator document', () => {
    const missing: string[] = [];
    for (const [action, files] of calls) {
      if (ALWAYS_ALLOWED.has(action)) continue;
      const where = action.startsWith('sts:') ? taskRole : READ.test(action) ? readOnly : operator;
      if (!where.has(action)) missing.push(`${action} (${[...new Set(files)].join(', ')})`);
    }
    expect(missing, 'add these actions to deploy/iam/*.json and the templates').toEqual([]);
  });

  it('lets the task role set the user as SourceIdentity when it assumes member roles', () => {
    expect([...taskRole].sort()).toEqual(['sts:AssumeRole', 'sts:SetSourceIdentity']);
  });

  it('keeps changes out of the read-only document, and lists actions exactly (no wildcards)', () => {
    for (const a of readOnly) expect(READ.test(a), a).toBe(true);
    for (const a of operator) expect(READ.test(a), a).toBe(false);
    for (const a of [...readOnly, ...operator, ...taskRole])
      expect(a).toMatch(/^(?:vpc-lattice|logs|sts):[A-Z][A-Za-z]+$/);
    for (const name of [
      'trellis-read-only.json',
      'trellis-operator.json',
      'trellis-task-role.json',
      'member-role-trust.json',
    ]) {
      const d = doc(name);
      expect(d.Version).toBe('2012-10-17');
      for (const s of d.Statement) expect(s.Effect).toBe('Allow');
    }
  });

  it('scopes audit-log writes to the audit log group', () => {
    const audit = doc('trellis-operator.json').Statement.find((s) => s.Sid === 'WriteAuditLog');
    expect(audit?.Resource).toEqual([
      'arn:aws:logs:*:*:log-group:/trellis/audit',
      'arn:aws:logs:*:*:log-group:/trellis/audit:log-stream:*',
    ]);
  });

  it('requires the ExternalId in the member-role trust policy', () => {
    const trust = doc('member-role-trust.json').Statement.find((s) => s.Action === 'sts:AssumeRole');
    expect(trust?.Condition).toEqual({ StringEquals: { 'sts:ExternalId': expect.any(String) } });
  });
});

describe('CloudFormation templates grant what the documents list', () => {
  const actionsIn = (file: string) =>
    new Set(
      [
        ...readFileSync(join(root, 'deploy', file), 'utf8').matchAll(
          /^\s*- ((?:vpc-lattice|logs|sts):[A-Za-z]+)\s*$/gm,
        ),
      ].map((m) => m[1] ?? ''),
    );

  it('member roles: read-only and operator actions, nothing else', () => {
    expect([...actionsIn('trellis-member-roles.yaml')].sort()).toEqual([...readOnly, ...operator].sort());
  });

  it('the console stack: STS for member roles, audit writes, and the read/operator sets for its own account', () => {
    expect([...actionsIn('trellis-ecs.yaml')].sort()).toEqual([...readOnly, ...operator, ...taskRole].sort());
  });
});
