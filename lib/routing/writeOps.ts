/**
 * The Lattice writes of a routing change, one SDK call each: UpdateRule, UpdateListener (default
 * action), CreateRule, DeleteRule, BatchUpdateRule. They return the AWS request id (for the audit
 * log and CloudTrail) and, for a batch, the per-rule failures the API reports.
 */
import 'server-only';
import {
  BatchUpdateRuleCommand,
  CreateRuleCommand,
  DeleteRuleCommand,
  UpdateListenerCommand,
  UpdateRuleCommand,
} from '@aws-sdk/client-vpc-lattice';
import { fromRuleAction, fromRuleMatch } from '../aws/latticeMappers';
import type { RoutingChange } from './change';
import { latticeCall, type RoutingContext } from './context';

/** What a write returns. */
export interface WriteOutcome {
  requestId?: string;
  /** ARN of a created rule. */
  createdArn?: string;
  /** Rules a batch could not update, with the API's words. */
  failures: Array<{ ruleArn: string; code: string; message: string }>;
}

const rid = (m: { requestId?: string } | undefined) => (m?.requestId ? { requestId: m.requestId } : {});

/** Performs the write of `change`. Throws the mapped TrellisError when the call fails. */
export async function writeChange(ctx: RoutingContext, change: RoutingChange): Promise<WriteOutcome> {
  const { serviceArn: serviceIdentifier, listenerArn: listenerIdentifier } = change;
  switch (change.kind) {
    case 'updateRule': {
      const out = await latticeCall(ctx, change.ruleArn, 'UpdateRule', (c, abortSignal) =>
        c.send(
          new UpdateRuleCommand({
            serviceIdentifier,
            listenerIdentifier,
            ruleIdentifier: change.ruleArn,
            priority: change.after.priority,
            match: fromRuleMatch(change.after.match),
            action: fromRuleAction(change.after.action),
          }),
          { abortSignal },
        ),
      );
      return { ...rid(out.$metadata), failures: [] };
    }
    case 'updateDefault': {
      const out = await latticeCall(ctx, change.listenerArn, 'UpdateListener', (c, abortSignal) =>
        c.send(
          new UpdateListenerCommand({
            serviceIdentifier,
            listenerIdentifier,
            defaultAction: fromRuleAction(change.after.action),
          }),
          { abortSignal },
        ),
      );
      return { ...rid(out.$metadata), failures: [] };
    }
    case 'createRule': {
      const out = await latticeCall(ctx, change.listenerArn, 'CreateRule', (c, abortSignal) =>
        c.send(
          new CreateRuleCommand({
            serviceIdentifier,
            listenerIdentifier,
            name: change.name,
            priority: change.after.priority,
            match: fromRuleMatch(change.after.match),
            action: fromRuleAction(change.after.action),
          }),
          { abortSignal },
        ),
      );
      return { ...rid(out.$metadata), ...(out.arn ? { createdArn: out.arn } : {}), failures: [] };
    }
    case 'deleteRule': {
      const out = await latticeCall(ctx, change.ruleArn, 'DeleteRule', (c, abortSignal) =>
        c.send(new DeleteRuleCommand({ serviceIdentifier, listenerIdentifier, ruleIdentifier: change.ruleArn }), {
          abortSignal,
        }),
      );
      return { ...rid(out.$metadata), failures: [] };
    }
    case 'batchUpdate': {
      const rules = change.updates.map((u) => ({
        ruleIdentifier: u.ruleArn,
        priority: u.after.priority,
        match: fromRuleMatch(u.after.match),
        action: fromRuleAction(u.after.action),
      }));
      const out = await latticeCall(ctx, change.listenerArn, 'BatchUpdateRule', (c, abortSignal) =>
        c.send(new BatchUpdateRuleCommand({ serviceIdentifier, listenerIdentifier, rules }), { abortSignal }),
      );
      const byId = (ident: string | undefined) =>
        change.updates.find((u) => u.ruleArn === ident || u.ruleArn.endsWith(`/${ident ?? '-'}`))?.ruleArn ??
        ident ??
        '?';
      const failures = (out.unsuccessful ?? []).map((f) => ({
        ruleArn: byId(f.ruleIdentifier),
        code: f.failureCode ?? 'Unknown',
        message: f.failureMessage ?? '',
      }));
      return { ...rid(out.$metadata), failures };
    }
  }
}
