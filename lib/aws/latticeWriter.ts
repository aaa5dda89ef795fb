/**
 * The writes of `LatticeGateway` (rules, default actions, tags): critical priority, ahead of every
 * queued read of the account; each returns the AWS request id for the audit log and CloudTrail.
 */
import 'server-only';
import {
  BatchUpdateRuleCommand,
  CreateRuleCommand,
  DeleteRuleCommand,
  TagResourceCommand,
  UpdateListenerCommand,
  UpdateRuleCommand,
} from '@aws-sdk/client-vpc-lattice';
import type { RuleAction } from '../domain/routing';
import { fromRuleAction, fromRuleMatch, type RuleSpec } from './latticeMappers';
import { LatticeSender } from './latticeSender';

/** What a write returns: the AWS request id (for the audit log and CloudTrail). */
export interface Written {
  requestId?: string;
}

/** A rule a BatchUpdateRule could not update, with the API's words. */
export interface BatchFailure {
  ruleIdentifier?: string;
  code: string;
  message: string;
}

const written = (m: { requestId?: string } | undefined): Written => (m?.requestId ? { requestId: m.requestId } : {});

/** See the module comment. */
export class LatticeWriter extends LatticeSender {
  async tagResource(arn: string, tags: Record<string, string>): Promise<Written> {
    return written(
      (await this.write('TagResource', arn, new TagResourceCommand({ resourceArn: arn, tags }))).$metadata,
    );
  }

  async updateRule(serviceArn: string, listenerArn: string, ruleArn: string, rule: RuleSpec): Promise<Written> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, ruleIdentifier: ruleArn };
    const cmd = new UpdateRuleCommand({ ...input, ...toSdkRule(rule) });
    return written((await this.write('UpdateRule', ruleArn, cmd)).$metadata);
  }

  async updateDefaultAction(serviceArn: string, listenerArn: string, action: RuleAction): Promise<Written> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn };
    const cmd = new UpdateListenerCommand({ ...input, defaultAction: fromRuleAction(action) });
    return written((await this.write('UpdateListener', listenerArn, cmd)).$metadata);
  }

  async createRule(
    serviceArn: string,
    listenerArn: string,
    name: string,
    rule: RuleSpec,
  ): Promise<Written & { arn?: string }> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, name };
    const out = await this.write('CreateRule', listenerArn, new CreateRuleCommand({ ...input, ...toSdkRule(rule) }));
    return { ...written(out.$metadata), ...(out.arn ? { arn: out.arn } : {}) };
  }

  async deleteRule(serviceArn: string, listenerArn: string, ruleArn: string): Promise<Written> {
    const input = { serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, ruleIdentifier: ruleArn };
    return written((await this.write('DeleteRule', ruleArn, new DeleteRuleCommand(input))).$metadata);
  }

  /** BatchUpdateRule; the rules it could not update are returned, not thrown. */
  async batchUpdateRules(
    serviceArn: string,
    listenerArn: string,
    updates: Array<RuleSpec & { ruleArn: string }>,
  ): Promise<Written & { failures: BatchFailure[] }> {
    const rules = updates.map((u) => ({ ruleIdentifier: u.ruleArn, ...toSdkRule(u) }));
    const cmd = new BatchUpdateRuleCommand({ serviceIdentifier: serviceArn, listenerIdentifier: listenerArn, rules });
    const out = await this.write('BatchUpdateRule', listenerArn, cmd);
    const failures = (out.unsuccessful ?? []).map((f) => ({
      ...(f.ruleIdentifier ? { ruleIdentifier: f.ruleIdentifier } : {}),
      code: f.failureCode ?? 'Unknown',
      message: f.failureMessage ?? '',
    }));
    return { ...written(out.$metadata), failures };
  }
}

function toSdkRule(r: RuleSpec) {
  return { priority: r.priority, match: fromRuleMatch(r.match), action: fromRuleAction(r.action) };
}
