/**
 * The IAM policy documents in deploy/iam allow every AWS call the console makes, and nothing it
 * does not make (both directions): Lattice reads and access-log queries in the read-only document
 * (a member account's read role), route changes in the operator document (its write role), STS and
 * the audit log in the task role's (the console's own account). Generic: it scans the production
 * sources (lib/**, not tests or test support) for `new <Name>Command(` of the three SDK clients,
 * so commands added by any feature are checked. Writes and logs are scoped to their resources.
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
/** The audit log (lib/audit): written and read in the console's own account, with the task role. */
const AUDIT = new Set(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:FilterLogEvents']);
/** Logs Insights queries serve both the access logs (read role) and the audit log (task role). */
const QUERY = new Set(['logs:StartQuery', 'logs:GetQueryResults', 'logs:StopQuery']);
/** Actions IAM authorizes on no resource type: "*" is their only possible Resource. */
const NO_RESOURCE_TYPE = new Set(['logs:GetQueryResults', 'logs:StopQuery']);
/** Lattice reads stay on "*" (topology discovery lists every resource). */
const LATTICE_READ = /^vpc-lattice:(?:Get|List)/;
/** The IAM policy variable of the account of the role using the policy. */
const OWN_ACCOUNT = ['$', '{aws:PrincipalAccount}'].join('');
/** Granted because a call carries a parameter, not because of a command of its own. */
const IMPLIED: Record<string, RegExp> = { 'sts:SetSourceIdentity': /\bSourceIdentity:/ };

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

function statements(d: PolicyDoc) {
  return d.Statement.map((s) => ({
    ...s,
    actions: Array.isArray(s.Action) ? s.Action : [s.Action],
    resources: s.Resource === undefined ? [] : Array.isArray(s.Resource) ? s.Resource : [s.Resource],
  }));
}

const DOCS = ['trellis-read-only.json', 'trellis-operator.json', 'trellis-task-role.json'] as const;
const allStatements = DOCS.flatMap((n) => statements(doc(n)).map((s) => ({ ...s, doc: n })));

/** Where a call's action must be allowed. */
function homesOf(action: string): Array<Set<string>> {
  if (action.startsWith('sts:') || AUDIT.has(action)) return [taskRole];
  if (QUERY.has(action)) return [readOnly, taskRole];
  return [READ.test(action) ? readOnly : operator];
}

describe('IAM policy documents cover the AWS calls of the code, and only those', () => {
  const calls = commandsInCode();
  const sources = sourceFiles(join(root, 'lib')).map((f) => readFileSync(f, 'utf8'));

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

  it('allows every call where it is made: reads in read-only, changes in operator, audit and STS in task role', () => {
    const missing: string[] = [];
    for (const [action, files] of calls) {
      if (ALWAYS_ALLOWED.has(action)) continue;
      for (const where of homesOf(action))
        if (!where.has(action)) missing.push(`${action} (${[...new Set(files)].join(', ')})`);
    }
    expect(missing, 'add these actions to deploy/iam/*.json and the templates').toEqual([]);
  });

  it('allows nothing the code never calls', () => {
    const unused = [...readOnly, ...operator, ...taskRole].filter(
      (a) => !calls.has(a) && !(IMPLIED[a] && sources.some((t) => IMPLIED[a]?.test(t))),
    );
    expect(unused, 'remove these actions from deploy/iam/*.json and the templates').toEqual([]);
  });

  it('lets the task role set the user as SourceIdentity when it assumes member roles', () => {
    const assume = statements(doc('trellis-task-role.json')).find((s) => s.Sid === 'AssumeMemberRoles');
    expect([...(assume?.actions ?? [])].sort()).toEqual(['sts:AssumeRole', 'sts:SetSourceIdentity']);
    expect(assume?.resources.every((r) => /^arn:aws:iam::\*:role\/Trellis(?:ReadOnly|Operator)$/.test(r))).toBe(true);
  });

  it('keeps changes out of the read-only document, and lists actions exactly (no wildcards)', () => {
    for (const a of readOnly) expect(READ.test(a), a).toBe(true);
    for (const a of operator) expect(READ.test(a), a).toBe(false);
    for (const a of [...readOnly, ...operator, ...taskRole])
      expect(a).toMatch(/^(?:vpc-lattice|logs|sts):[A-Z][A-Za-z]+$/);
    for (const name of [...DOCS, 'member-role-trust.json']) {
      const d = doc(name);
      expect(d.Version).toBe('2012-10-17');
      for (const s of d.Statement) expect(s.Effect).toBe('Allow');
    }
  });

  it('uses Resource "*" only for Lattice reads and actions that have no resource type', () => {
    for (const s of allStatements)
      if (s.resources.includes('*'))
        for (const a of s.actions) expect(LATTICE_READ.test(a) || NO_RESOURCE_TYPE.has(a), `${s.doc} ${a}`).toBe(true);
  });

  it("scopes route changes to the listeners and rules of the role's own account", () => {
    const changes = statements(doc('trellis-operator.json'));
    expect(changes.length).toBeGreaterThan(0);
    for (const s of changes)
      expect(s.resources.sort()).toEqual([
        `arn:aws:vpc-lattice:*:${OWN_ACCOUNT}:service/*/listener/*`,
        `arn:aws:vpc-lattice:*:${OWN_ACCOUNT}:service/*/listener/*/rule/*`,
      ]);
  });

  it('lets TagResource write only trellis:* tag keys, and nothing else tag anything', () => {
    const tagging = allStatements.filter((s) => s.actions.some((a) => /Tag/.test(a) && !a.includes('ListTags')));
    expect(tagging.map((s) => s.actions)).toEqual([['vpc-lattice:TagResource']]);
    expect(tagging[0]?.Condition).toEqual({ 'ForAllValues:StringLike': { 'aws:TagKeys': ['trellis:*'] } });
  });

  it('queries access logs only under their log-group prefix, and reads or writes only the audit log group', () => {
    const group = (name: string) => `arn:aws:logs:*:${OWN_ACCOUNT}:log-group:${name}`;
    const logs = allStatements.filter((s) => s.actions.some((a) => a.startsWith('logs:') && !NO_RESOURCE_TYPE.has(a)));
    const bySid = Object.fromEntries(logs.map((s) => [s.Sid, s]));
    expect(Object.keys(bySid).sort()).toEqual(['QueryAccessLogs', 'ReadAuditLog', 'WriteAuditLog']);
    expect(bySid.QueryAccessLogs?.doc).toBe('trellis-read-only.json');
    expect(bySid.QueryAccessLogs?.actions).toEqual(['logs:DescribeIndexPolicies', 'logs:StartQuery']);
    expect(bySid.QueryAccessLogs?.resources).toEqual([group('/aws/vpc-lattice/*')]);
    expect(bySid.ReadAuditLog?.doc).toBe('trellis-task-role.json');
    expect(bySid.ReadAuditLog?.actions.sort()).toEqual(['logs:FilterLogEvents', 'logs:StartQuery']);
    expect(bySid.ReadAuditLog?.resources).toEqual([group('/trellis/audit')]);
    expect(bySid.WriteAuditLog?.doc).toBe('trellis-task-role.json');
    expect(bySid.WriteAuditLog?.resources).toEqual([
      group('/trellis/audit'),
      `${group('/trellis/audit')}:log-stream:*`,
    ]);
  });

  it('requires the ExternalId, the organization and a SourceIdentity in the member-role trust policy', () => {
    const trust = statements(doc('member-role-trust.json'));
    const assume = trust.find((s) => s.actions.includes('sts:AssumeRole'));
    expect(assume?.Condition).toEqual({
      StringEquals: { 'sts:ExternalId': expect.any(String), 'aws:PrincipalOrgID': expect.stringMatching(/^o-/) },
      Null: { 'sts:SourceIdentity': 'false' },
    });
    const source = trust.find((s) => s.actions.includes('sts:SetSourceIdentity'));
    expect(source?.Condition).toEqual({
      StringEquals: { 'aws:PrincipalOrgID': expect.stringMatching(/^o-/) },
      StringLike: { 'sts:SourceIdentity': '?*' },
    });
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
    expect([...actionsIn('trellis-member-roles.yaml')].sort()).toEqual([...new Set([...readOnly, ...operator])].sort());
  });

  it('the console stack: STS for member roles, the audit log, and the read/operator sets for its own account', () => {
    expect([...actionsIn('trellis-ecs.yaml')].sort()).toEqual(
      [...new Set([...readOnly, ...operator, ...taskRole])].sort(),
    );
  });
});
