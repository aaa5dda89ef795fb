/**
 * Runs a VPC Lattice operation: model validation, then the hand-written handler. The HTTP module and
 * the scenarios both go through `invokeLattice`, so a scenario can only build what the API accepts.
 */
import type { CallContext } from '../core/service';
import { validate } from '../core/validate';
import type { EmulatorState } from '../state';
import { unimplemented, violationsError } from './errors';
import { accessLogHandlers } from './handlers/accessLogs';
import { associationHandlers } from './handlers/associations';
import { batchUpdateRule } from './handlers/batchRules';
import type { Env, Handler, Input, Output } from './handlers/common';
import { listenerHandlers } from './handlers/listeners';
import { networkHandlers } from './handlers/networks';
import { domainVerificationHandlers } from './handlers/domainVerifications';
import { policyHandlers } from './handlers/policies';
import { resourceAssociationHandlers } from './handlers/resourceAssociations';
import { resourceConfigurationHandlers } from './handlers/resourceConfigurations';
import { resourceGatewayHandlers } from './handlers/resourceGateways';
import { ruleHandlers } from './handlers/rules';
import { serviceHandlers } from './handlers/services';
import { tagHandlers } from './handlers/tags';
import { targetGroupHandlers } from './handlers/targetGroups';
import { targetHandlers } from './handlers/targets';
import { latticeModel } from './model';

const handlers: Record<string, Handler> = {
  ...networkHandlers,
  ...serviceHandlers,
  ...associationHandlers,
  ...listenerHandlers,
  ...ruleHandlers,
  BatchUpdateRule: batchUpdateRule,
  ...targetGroupHandlers,
  ...targetHandlers,
  ...accessLogHandlers,
  ...policyHandlers,
  ...tagHandlers,
  ...resourceGatewayHandlers,
  ...resourceConfigurationHandlers,
  ...resourceAssociationHandlers,
  ...domainVerificationHandlers,
};

/** Names of the operations the emulator implements (every operation of the model; others answer `unknownOperation`). */
export const implementedOperations: readonly string[] = Object.keys(handlers).sort();

/** Validates `input` against the operation's input shape and runs it for the caller in `ctx`. */
export function invokeLattice(state: EmulatorState, ctx: CallContext, operation: string, input: Input): Output {
  const handler = handlers[operation];
  const op = latticeModel.operations[operation];
  if (!handler || !op) throw unimplemented(operation);
  const violations = op.input ? validate(latticeModel, op.input, input) : [];
  if (violations.length > 0) throw violationsError(violations);
  const env: Env = {
    state,
    store: state.lattice,
    ctx,
    account: ctx.accountId,
    region: ctx.region,
    now: ctx.now,
    operation,
  };
  return handler(env, input);
}

/** A caller acting as the `admin` user of an account, for scenarios and tools that build worlds through the API. */
export function asAccount(
  state: EmulatorState,
  accountId: string,
  region = 'us-east-1',
): (operation: string, input: Input) => Output {
  return (operation, input) => {
    const ctx: CallContext = {
      accountId,
      region,
      principal: { accountId, arn: `arn:aws:iam::${accountId}:user/admin`, userId: `AIDA${accountId}`, type: 'user' },
      requestId: 'scenario',
      now: state.clock.now(),
    };
    return invokeLattice(state, ctx, operation, input);
  };
}
