/**
 * Parsing of TRELLIS_ACCOUNTS: a JSON array of accounts, inline or in a file. Every problem is
 * reported as its own line naming the entry (1-based) and field, so one start shows them all.
 *
 * Each account has a read role (`readRoleArn`, assumed for every request) and an optional write role
 * (`writeRoleArn`, assumed only inside a change or the canary runner), so a viewer's request never
 * holds credentials that can change anything. The legacy `roleArn` is one role for both.
 */
import { z } from 'zod';

/** One AWS account the console reads. */
export interface AccountConfig {
  /** 12-digit account id. */
  accountId: string;
  /** Display name (e.g. `payments`). */
  name: string;
  /** Role assumed for reads; absent when the base credentials read this account (their own). */
  readRoleArn?: string;
  /**
   * Role assumed for changes (mutating actions and the canary runner only); absent when changes use the base
   * credentials (their own account) or, with a read role, when the account is read-only.
   */
  writeRoleArn?: string;
  /** ExternalId the role's trust policy requires. */
  externalId?: string;
  /** Regions read in this account; defaults to the console's region. */
  regions: string[];
}

/** AWS region names such as `us-east-1`, `eu-central-2`, `us-gov-west-1`. */
export const REGION_RE = /^[a-z]{2,}(?:-[a-z]+)+-\d{1,2}$/;
const ROLE_ARN_RE = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

const entrySchema = z
  .object({
    accountId: z
      .string({ error: 'accountId must be a string of 12 digits (quote it in JSON)' })
      .regex(/^\d{12}$/, 'accountId must be 12 digits'),
    name: z
      .string({ error: 'name is required (a display name such as "payments")' })
      .trim()
      .min(1, 'name must not be empty')
      .max(64, 'name must be at most 64 characters'),
    roleArn: z.string().regex(ROLE_ARN_RE, 'roleArn must look like arn:aws:iam::<12 digits>:role/<name>').optional(),
    readRoleArn: z
      .string()
      .regex(ROLE_ARN_RE, 'readRoleArn must look like arn:aws:iam::<12 digits>:role/<name>')
      .optional(),
    writeRoleArn: z
      .string()
      .regex(ROLE_ARN_RE, 'writeRoleArn must look like arn:aws:iam::<12 digits>:role/<name>')
      .optional(),
    externalId: z
      .string()
      .regex(/^[\w+=,.@:/-]{2,1224}$/, 'externalId must be 2-1224 characters of letters, digits and +=,.@:/-')
      .optional(),
    regions: z
      .array(z.string().regex(REGION_RE, 'regions must hold region names such as us-east-1'))
      .min(1, 'regions must not be empty')
      .optional(),
  })
  .strict();

const KNOWN_KEYS = Object.keys(entrySchema.shape).join(', ');

/** Reads a file's text; injectable so that parsing stays testable without a disk. */
export type ReadText = (path: string) => string;

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown key ${issue.keys.map((k) => `'${k}'`).join(', ')} (known: ${KNOWN_KEYS})`;
  const field = issue.path.map(String).join('.');
  // Custom messages already name their field; zod's generic ones ("Invalid input: ...") do not.
  return field && !issue.message.startsWith(field.split('.')[0] ?? field)
    ? `${field}: ${issue.message}`
    : issue.message;
}

/** Reads the JSON text of TRELLIS_ACCOUNTS: inline when it starts with `[`, otherwise a file path. */
function accountsText(raw: string, readText: ReadText): { text: string; from: string } | { error: string } {
  const trimmed = raw.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) return { text: trimmed, from: 'value' };
  try {
    return { text: readText(trimmed), from: `file ${trimmed}` };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // The standalone server chdirs into .next/standalone, so relative paths rarely mean what was intended.
    const relative = trimmed.startsWith('/')
      ? ''
      : " (a relative path resolves against the server's working directory; use an absolute path)";
    return {
      error:
        `cannot read the file '${trimmed}' (${code ?? (e as Error).message})${relative}; ` +
        `give a JSON array or the path of a JSON file`,
    };
  }
}

/**
 * Parses TRELLIS_ACCOUNTS. Returns the accounts, or the issues (each prefixed `TRELLIS_ACCOUNTS:`).
 * `defaultRegion` fills in entries without `regions`.
 */
export function parseAccounts(
  raw: string,
  defaultRegion: string | undefined,
  readText: ReadText,
): { accounts: AccountConfig[] } | { issues: string[] } {
  const P = 'TRELLIS_ACCOUNTS';
  const src = accountsText(raw, readText);
  if ('error' in src) return { issues: [`${P}: ${src.error}`] };
  let json: unknown;
  try {
    json = JSON.parse(src.text);
  } catch (e) {
    return { issues: [`${P}: the ${src.from} is not valid JSON (${(e as Error).message})`] };
  }
  if (!Array.isArray(json))
    return {
      issues: [`${P}: must be a JSON array of {accountId, name, readRoleArn?, writeRoleArn?, externalId?, regions?}`],
    };
  if (json.length === 0)
    return { issues: [`${P}: the list is empty; remove the variable to use the caller's own account`] };
  const issues: string[] = [];
  const accounts: AccountConfig[] = [];
  const seen = new Map<string, number>();
  json.forEach((entry: unknown, i) => {
    const n = i + 1;
    const r = entrySchema.safeParse(entry);
    if (!r.success) {
      for (const issue of r.error.issues) issues.push(`${P}: entry ${n}: ${issueText(issue)}`);
      return;
    }
    const e = r.data;
    for (const field of ['roleArn', 'readRoleArn', 'writeRoleArn'] as const) {
      const arn = e[field];
      const roleAccount = arn ? ROLE_ARN_RE.exec(arn)?.[1] : undefined;
      if (roleAccount !== undefined && roleAccount !== e.accountId)
        issues.push(`${P}: entry ${n}: ${field} is in account ${roleAccount} but accountId is ${e.accountId}`);
    }
    if (e.roleArn !== undefined && (e.readRoleArn !== undefined || e.writeRoleArn !== undefined))
      issues.push(
        `${P}: entry ${n}: roleArn (one role for reads and changes) cannot be combined with ` +
          'readRoleArn/writeRoleArn; use readRoleArn and writeRoleArn',
      );
    if (e.readRoleArn !== undefined && e.readRoleArn === e.writeRoleArn)
      issues.push(
        `${P}: entry ${n}: readRoleArn and writeRoleArn are the same role; viewers would hold write credentials`,
      );
    if (e.externalId !== undefined && e.roleArn === undefined && e.readRoleArn === undefined && !e.writeRoleArn)
      issues.push(`${P}: entry ${n}: externalId needs a readRoleArn or writeRoleArn`);
    const first = seen.get(e.accountId);
    if (first !== undefined)
      issues.push(`${P}: entry ${n}: account ${e.accountId} is already listed in entry ${first}`);
    seen.set(e.accountId, n);
    const regions = e.regions ?? (defaultRegion ? [defaultRegion] : []);
    // Legacy: one role for both.
    const read = e.roleArn ?? e.readRoleArn;
    const write = e.roleArn ?? e.writeRoleArn;
    accounts.push({
      accountId: e.accountId,
      name: e.name,
      regions: [...new Set(regions)],
      ...(read ? { readRoleArn: read } : {}),
      ...(write ? { writeRoleArn: write } : {}),
      ...(e.externalId ? { externalId: e.externalId } : {}),
    });
  });
  return issues.length > 0 ? { issues } : { accounts };
}
