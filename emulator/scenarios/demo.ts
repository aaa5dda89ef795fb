/**
 * PLACEHOLDER: the `demo` scenario (3 accounts, 2 networks, 12+ services, ...), written with the
 * VPC Lattice implementation. For now: the accounts only.
 */
import type { EmulatorState } from '../state';
import { addAccounts, STANDARD_ACCOUNTS } from './accounts';

export function demoScenario(state: EmulatorState): void {
  addAccounts(state, STANDARD_ACCOUNTS);
}
