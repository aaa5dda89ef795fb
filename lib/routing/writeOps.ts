/**
 * The Lattice writes of a routing change, one call each: UpdateRule, UpdateListener (default
 * action), CreateRule, DeleteRule, BatchUpdateRule. They return the AWS request id (for the audit
 * log and CloudTrail) and, for a batch, the per-rule failures the API reports.
 */
import 'server-only';
import { listenerWritten } from '../inventory';
import type { RoutingChange } from './change';
import { latticeOf, type RoutingContext } from './context';

/** What a write returns. */
export interface WriteOutcome {
  requestId?: string;
  /** ARN of a created rule. */
  createdArn?: string;
  /** Rules a batch could not update, with the API's words. */
  failures: Array<{ ruleArn: string; code: string; message: string }>;
}

/** Performs the write of `change`. Throws the mapped TrellisError when the call fails. */
export async function writeChange(ctx: RoutingContext, change: RoutingChange): Promise<WriteOutcome> {
  try {
    return await write(ctx, change);
  } finally {
    // Failed writes too: a batch may have changed some rules, and a timed-out write may have landed.
    listenerWritten(change.listenerArn, ctx.factory);
  }
}

async function write(ctx: RoutingContext, change: RoutingChange): Promise<WriteOutcome> {
  const { serviceArn, listenerArn } = change;
  const lattice = latticeOf(ctx, serviceArn);
  switch (change.kind) {
    case 'updateRule':
      return { ...(await lattice.updateRule(serviceArn, listenerArn, change.ruleArn, change.after)), failures: [] };
    case 'updateDefault':
      return { ...(await lattice.updateDefaultAction(serviceArn, listenerArn, change.after.action)), failures: [] };
    case 'createRule': {
      const { arn, ...out } = await lattice.createRule(serviceArn, listenerArn, change.name, change.after);
      return { ...out, ...(arn ? { createdArn: arn } : {}), failures: [] };
    }
    case 'deleteRule':
      return { ...(await lattice.deleteRule(serviceArn, listenerArn, change.ruleArn)), failures: [] };
    case 'batchUpdate': {
      const updates = change.updates.map((u) => ({ ruleArn: u.ruleArn, ...u.after }));
      const out = await lattice.batchUpdateRules(serviceArn, listenerArn, updates);
      const byId = (ident: string | undefined) =>
        change.updates.find((u) => u.ruleArn === ident || u.ruleArn.endsWith(`/${ident ?? '-'}`))?.ruleArn ??
        ident ??
        '?';
      const failures = out.failures.map((f) => ({ ruleArn: byId(f.ruleIdentifier), code: f.code, message: f.message }));
      return { ...(out.requestId ? { requestId: out.requestId } : {}), failures };
    }
  }
}
