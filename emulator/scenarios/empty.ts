/** The `empty` scenario: the standard accounts and roles, and no resources. */
import type { EmulatorState } from '../state';
import { addAccounts, STANDARD_ACCOUNTS } from './accounts';

export function emptyScenario(state: EmulatorState): void {
  addAccounts(state, STANDARD_ACCOUNTS);
}
