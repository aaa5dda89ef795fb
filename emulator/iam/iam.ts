/**
 * Accounts, access keys and roles of the emulated AWS. The account of a request is the account of
 * the access key that signed it; keys issued by AssumeRole belong to the role's account.
 */
import { randomInt } from 'node:crypto';
import { AwsError } from '../core/awsError';
import type { Rng } from '../core/rng';

/** Who is calling. */
export interface Principal {
  accountId: string;
  /** `arn:aws:iam::<acct>:user/<name>` or `arn:aws:sts::<acct>:assumed-role/<role>/<session>`. */
  arn: string;
  userId: string;
  type: 'user' | 'assumed-role';
  sourceIdentity?: string;
}

/** A role that can be assumed, with its trust policy reduced to what the emulator checks. */
export interface RoleDef {
  arn: string;
  name: string;
  accountId: string;
  /** Account ids whose principals may assume the role. */
  trustedAccounts: string[];
  /** When set, AssumeRole must pass exactly this ExternalId. */
  externalId?: string;
  maxSessionSeconds: number;
  /** Its sessions may only read: every write operation is refused (`refusal`), like a read-only policy. */
  readOnly?: boolean;
}

/** Operations that change something, in the services the emulator serves. */
const WRITE_OPERATION = /^(?:Create|Update|Delete|Put|Tag|Untag|BatchUpdate|Register|Deregister)/;

/** An AWS account of the emulated world. */
export interface AccountDef {
  id: string;
  name: string;
}

interface KeyRecord {
  secretAccessKey: string;
  principal: Principal;
  sessionToken?: string;
  expiresAt?: number;
}

/** Serialized form of the IAM state (for save/load). */
export interface IamJson {
  accounts: AccountDef[];
  roles: RoleDef[];
  keys: Array<KeyRecord & { accessKeyId: string }>;
}

/** Credentials issued by AssumeRole. */
export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  principal: Principal;
  roleId: string;
}

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Session key material, unique per issuance even across resets and reloads: from the system's random
 * numbers, not the seeded ones (after a reset the seed would issue the same keys again, so a client still
 * holding a session from before could find it resolving to another role or account). The seeded `rng`
 * still advances as before, so the scenario's other ids stay what the seed makes them.
 */
function sessionChars(rng: Rng, n: number, alphabet: string): string {
  rng.chars(n, alphabet);
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[randomInt(alphabet.length)];
  return s;
}

/** The identity store of the emulator. */
export class Iam {
  readonly accounts = new Map<string, AccountDef>();
  readonly roles = new Map<string, RoleDef>();
  private readonly keys = new Map<string, KeyRecord>();

  /** Adds an account. */
  addAccount(id: string, name: string): AccountDef {
    const account = { id, name };
    this.accounts.set(id, account);
    return account;
  }

  /** Adds a long-term access key of an IAM user in `accountId`. */
  addUserKey(accountId: string, userName: string, accessKeyId: string, secretAccessKey: string): void {
    if (!this.accounts.has(accountId)) throw new Error(`unknown account ${accountId}`);
    this.keys.set(accessKeyId, {
      secretAccessKey,
      principal: {
        accountId,
        arn: `arn:aws:iam::${accountId}:user/${userName}`,
        userId: `AIDA${accessKeyId.slice(4, 20)}`,
        type: 'user',
      },
    });
  }

  /** Adds a role that principals of `trustedAccounts` may assume. */
  addRole(
    accountId: string,
    name: string,
    trustedAccounts: string[],
    externalId?: string,
    maxSessionSeconds = 3600,
    readOnly = false,
  ): RoleDef {
    const role: RoleDef = {
      arn: `arn:aws:iam::${accountId}:role/${name}`,
      name,
      accountId,
      trustedAccounts,
      maxSessionSeconds,
      ...(externalId ? { externalId } : {}),
      ...(readOnly ? { readOnly } : {}),
    };
    this.roles.set(role.arn, role);
    return role;
  }

  /** The long-term keys of every user, for the control API (the emulator's keys are not secrets). */
  userKeys(): Array<{ accessKeyId: string; secretAccessKey: string; accountId: string; arn: string }> {
    const out = [];
    for (const [accessKeyId, k] of this.keys) {
      if (k.principal.type === 'user')
        out.push({
          accessKeyId,
          secretAccessKey: k.secretAccessKey,
          accountId: k.principal.accountId,
          arn: k.principal.arn,
        });
    }
    return out;
  }

  /** The principal behind a signature; the AWS error a real service gives for a bad or expired key. */
  resolve(accessKeyId: string, sessionToken: string | undefined, now: number): Principal {
    const key = this.keys.get(accessKeyId);
    if (!key || (key.sessionToken !== undefined && key.sessionToken !== sessionToken)) {
      throw new AwsError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.');
    }
    if (key.expiresAt !== undefined && key.expiresAt <= now) {
      throw new AwsError('ExpiredTokenException', 403, 'The security token included in the request is expired');
    }
    return key.principal;
  }

  /**
   * The AccessDenied a session of a read-only role gets for a write operation (`service:Operation`), or
   * undefined when the principal may call it.
   */
  refusal(principal: Principal, service: string, operation: string): AwsError | undefined {
    const m = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\//.exec(principal.arn);
    const role = m ? this.roles.get(`arn:aws:iam::${m[1]}:role/${m[2]}`) : undefined;
    if (!role?.readOnly || !WRITE_OPERATION.test(operation)) return undefined;
    const action = `${service}:${operation}`;
    return new AwsError(
      'AccessDeniedException',
      403,
      `User: ${principal.arn} is not authorized to perform: ${action} because no identity-based policy allows ` +
        `the ${action} action`,
    );
  }

  /** Issues temporary credentials for `roleArn` after checking the trust policy and ExternalId. */
  assumeRole(
    caller: Principal,
    req: {
      roleArn: string;
      sessionName: string;
      externalId?: string;
      durationSeconds?: number;
      sourceIdentity?: string;
    },
    now: number,
    rng: Rng,
  ): IssuedCredentials {
    const role = this.roles.get(req.roleArn);
    const denied = () =>
      new AwsError(
        'AccessDenied',
        403,
        `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${req.roleArn}`,
      );
    if (!role?.trustedAccounts.includes(caller.accountId)) throw denied();
    if (role.externalId !== undefined && role.externalId !== req.externalId) throw denied();
    // AWS refuses to change a source identity once set in a role chain.
    if (
      caller.sourceIdentity !== undefined &&
      req.sourceIdentity !== undefined &&
      req.sourceIdentity !== caller.sourceIdentity
    )
      throw denied();
    const duration = req.durationSeconds ?? 3600;
    if (duration > role.maxSessionSeconds) {
      throw new AwsError(
        'ValidationError',
        400,
        `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`,
      );
    }
    const accessKeyId = `ASIA${sessionChars(rng, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    const roleId = `AROA${rng.chars(17, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    const sourceIdentity = req.sourceIdentity ?? caller.sourceIdentity;
    const principal: Principal = {
      accountId: role.accountId,
      arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${req.sessionName}`,
      userId: `${roleId}:${req.sessionName}`,
      type: 'assumed-role',
      ...(sourceIdentity !== undefined ? { sourceIdentity } : {}),
    };
    const issued = {
      accessKeyId,
      secretAccessKey: sessionChars(rng, 40, KEY_CHARS),
      sessionToken: `IQoJ${sessionChars(rng, 120, KEY_CHARS)}`,
      expiresAt: now + duration * 1000,
      principal,
      roleId,
    };
    this.keys.set(accessKeyId, {
      secretAccessKey: issued.secretAccessKey,
      principal,
      sessionToken: issued.sessionToken,
      expiresAt: issued.expiresAt,
    });
    return issued;
  }

  /** Serializes accounts, roles and keys (temporary keys included, so sessions survive a reload). */
  toJSON(): IamJson {
    return {
      accounts: [...this.accounts.values()],
      roles: [...this.roles.values()],
      keys: [...this.keys.entries()].map(([accessKeyId, k]) => ({ accessKeyId, ...k })),
    };
  }

  /** Rebuilds the store from `toJSON()` output. */
  static fromJSON(json: IamJson): Iam {
    const iam = new Iam();
    for (const a of json.accounts) iam.accounts.set(a.id, a);
    for (const r of json.roles) iam.roles.set(r.arn, r);
    for (const { accessKeyId, ...k } of json.keys) iam.keys.set(accessKeyId, k);
    return iam;
  }
}
