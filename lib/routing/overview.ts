/**
 * The routing page with no service chosen: every service with its rules' current splits (from the
 * inventory snapshot), its running canary plans and its last few changes (from the audit log). A plan
 * counts as running when the newest canary entry of its rule or default action started, stepped,
 * paused or resumed it (not promoted, aborted or completed). Pure.
 */
import type { AuditAction, AuditEvent } from '../audit/event';
import type { Snapshot } from '../domain/snapshot';
import { type RuleRow, rulesByService } from '../graph/routes';

/** A running canary plan as the audit log last saw it. */
export interface RunningCanary {
  planId: string;
  ruleName: string;
  status: 'baking' | 'paused';
  percent?: number;
  since: string;
}

/** A recent change of the service. */
export interface RecentChange {
  id: string;
  time: string;
  user: string;
  action: AuditAction;
  result: AuditEvent['result'];
  /** Rule names it touched. */
  rules: string[];
}

/** One row of the overview. */
export interface ServiceOverview {
  arn: string;
  name: string;
  accountId: string;
  accountName: string;
  /** Rules in evaluation order per listener (see lib/graph/routes). */
  rules: RuleRow[];
  canaries: RunningCanary[];
  recent: RecentChange[];
}

const RUNNING: ReadonlySet<AuditAction> = new Set(['canary.start', 'canary.step', 'canary.pause', 'canary.resume']);

/** How many recent changes a row shows. */
export const RECENT_CHANGES = 3;

/** The overview rows, services by account name then name; `events` in any order. */
export function routingOverview(snapshot: Snapshot, events: readonly AuditEvent[]): ServiceOverview[] {
  const accountName = new Map(snapshot.accounts.map((a) => [a.accountId, a.name]));
  const rules = rulesByService(snapshot);
  const newestFirst = [...events].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const owned = snapshot.services.filter((s) => accountName.has(s.accountId));
  return owned
    .map((s): ServiceOverview => {
      const mine = newestFirst.filter((e) => e.serviceArn === s.arn);
      const canaries: RunningCanary[] = [];
      const seen = new Set<string>();
      for (const e of mine) {
        if (!e.canary || e.result !== 'applied' || !e.action.startsWith('canary.')) continue;
        const key = e.ruleArn ?? e.listenerArn ?? e.serviceArn;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!RUNNING.has(e.action)) continue;
        const change = e.changes[0];
        canaries.push({
          planId: e.canary.planId,
          ruleName: change?.isDefault ? 'default' : (change?.ruleName ?? e.ruleArn?.split('/').pop() ?? 'rule'),
          status: e.action === 'canary.pause' ? 'paused' : 'baking',
          ...(e.canary.percent !== undefined ? { percent: e.canary.percent } : {}),
          since: e.time,
        });
      }
      const recent = mine.slice(0, RECENT_CHANGES).map((e) => ({
        id: e.id,
        time: e.time,
        user: e.user.name,
        action: e.action,
        result: e.result,
        rules: e.changes.map((c) => (c.isDefault ? 'default' : (c.ruleName ?? c.ruleArn?.split('/').pop() ?? 'rule'))),
      }));
      return {
        arn: s.arn,
        name: s.name,
        accountId: s.accountId,
        accountName: accountName.get(s.accountId) ?? s.accountId,
        rules: rules.get(s.arn) ?? [],
        canaries,
        recent,
      };
    })
    .sort((a, b) => a.accountName.localeCompare(b.accountName) || a.name.localeCompare(b.name));
}
