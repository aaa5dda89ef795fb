/**
 * The identities every built-in scenario starts from: a network hub account whose user the console
 * signs in as, and application accounts reachable through roles that trust the hub (with an
 * ExternalId), the way a real multi-account deployment is set up.
 */
import type { EmulatorState } from '../state';

/** One account of a scenario, with the long-term key of its admin user. */
export interface ScenarioAccount {
  id: string;
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** ExternalId the application accounts' roles require. */
export const DEMO_EXTERNAL_ID = 'trellis-demo';
/** Role names created in every application account. */
export const READ_ONLY_ROLE = 'TrellisReadOnly';
export const OPERATOR_ROLE = 'TrellisOperator';

/** Hub first. Keys follow the AWS format (AKIA + 16 upper-case characters). */
export const STANDARD_ACCOUNTS: readonly ScenarioAccount[] = [
  {
    id: '111111111111',
    name: 'network-hub',
    accessKeyId: 'AKIATRELLISHUB000001',
    secretAccessKey: 'trellis-emulator-hub-secret',
  },
  {
    id: '222222222222',
    name: 'payments',
    accessKeyId: 'AKIATRELLISPAY000001',
    secretAccessKey: 'trellis-emulator-payments-secret',
  },
  {
    id: '333333333333',
    name: 'storefront',
    accessKeyId: 'AKIATRELLISSHOP00001',
    secretAccessKey: 'trellis-emulator-storefront-secret',
  },
];

/**
 * Creates accounts, admin keys, and in every non-hub account the read-only role (its sessions cannot change
 * anything) and the operator role, both trusted by the hub.
 */
export function addAccounts(state: EmulatorState, accounts: readonly ScenarioAccount[]): void {
  const hub = accounts[0];
  if (!hub) throw new Error('a scenario needs at least one account');
  for (const a of accounts) {
    state.iam.addAccount(a.id, a.name);
    state.iam.addUserKey(a.id, 'admin', a.accessKeyId, a.secretAccessKey);
  }
  for (const a of accounts.slice(1)) {
    state.iam.addRole(a.id, READ_ONLY_ROLE, [hub.id], DEMO_EXTERNAL_ID, 3600, true);
    state.iam.addRole(a.id, OPERATOR_ROLE, [hub.id], DEMO_EXTERNAL_ID);
  }
}

/** Generates `n` accounts for large scenarios: the standard three, then more application accounts. */
export function generatedAccounts(n: number): ScenarioAccount[] {
  const out = STANDARD_ACCOUNTS.slice(0, Math.min(n, STANDARD_ACCOUNTS.length));
  for (let i = out.length; i < n; i++) {
    const id = i < 9 ? String(i + 1).repeat(12) : String(900000000000 + i);
    out.push({
      id,
      name: `app-${i}`,
      accessKeyId: `AKIATRELLISAPP${String(i).padStart(6, '0')}`,
      secretAccessKey: `trellis-emulator-app-${i}-secret`,
    });
  }
  return out;
}
