/**
 * The rules of each service's listeners, in evaluation order, with what each does: the data of the
 * service → target group edges and of the side panel's rules table. A listener's default action
 * comes from its default rule when the snapshot has one, else from the listener itself. Pure.
 */
import { matchSummary, trafficShares, type RuleAction } from '../domain/routing';
import type { Listener, Rule, Snapshot } from '../domain/snapshot';

/** One row of a service's rules table. */
export interface RuleRow {
  listenerArn: string;
  listenerName: string;
  /** `protocol:port`, e.g. `HTTPS:443`. */
  listenerLabel: string;
  ruleArn?: string;
  ruleName: string;
  isDefault: boolean;
  priority?: number;
  match: string;
  /** Forward: target groups with weight and share; fixed response: the status code. */
  forward: Array<{ targetGroupArn: string; weight: number; share: number }>;
  fixedStatus?: number;
}

function listenerLabel(l: Listener): string {
  return l.port === undefined ? l.protocol : `${l.protocol}:${l.port}`;
}

function toRow(
  l: Listener,
  ruleName: string,
  isDefault: boolean,
  action: RuleAction | undefined,
  extra: Partial<RuleRow>,
): RuleRow {
  const row: RuleRow = {
    listenerArn: l.arn,
    listenerName: l.name,
    listenerLabel: listenerLabel(l),
    ruleName,
    isDefault,
    match: 'default',
    forward: [],
    ...extra,
  };
  if (action?.type === 'forward') row.forward = trafficShares(action.targetGroups);
  else if (action?.type === 'fixedResponse') row.fixedStatus = action.statusCode;
  return row;
}

/** Rules of one listener: prioritised rules by priority, then the default. */
function listenerRows(l: Listener, rules: readonly Rule[]): RuleRow[] {
  const own = rules.filter((r) => r.listenerArn === l.arn);
  const prioritised = own
    .filter((r) => !r.isDefault)
    .sort((a, b) => (a.priority ?? Infinity) - (b.priority ?? Infinity) || a.arn.localeCompare(b.arn));
  const rows = prioritised.map((r) =>
    toRow(l, r.name, false, r.action, {
      ruleArn: r.arn,
      match: matchSummary(r.match),
      ...(r.priority !== undefined ? { priority: r.priority } : {}),
    }),
  );
  const def = own.find((r) => r.isDefault);
  rows.push(toRow(l, 'default', true, def?.action ?? l.defaultAction, def ? { ruleArn: def.arn } : {}));
  return rows;
}

/** Every service's rules tables, by service ARN (listeners in name order). */
export function rulesByService(snapshot: Pick<Snapshot, 'listeners' | 'rules'>): Map<string, RuleRow[]> {
  const rulesByListener = new Map<string, Rule[]>();
  for (const r of snapshot.rules) {
    const list = rulesByListener.get(r.listenerArn);
    if (list) list.push(r);
    else rulesByListener.set(r.listenerArn, [r]);
  }
  const out = new Map<string, RuleRow[]>();
  const listeners = [...snapshot.listeners].sort((a, b) => a.name.localeCompare(b.name) || a.arn.localeCompare(b.arn));
  for (const l of listeners) {
    const rows = listenerRows(l, rulesByListener.get(l.arn) ?? []);
    const list = out.get(l.serviceArn);
    if (list) list.push(...rows);
    else out.set(l.serviceArn, rows);
  }
  return out;
}

/** A short edge label of one route: its match, and its share when not all traffic goes there. */
export function routeLabel(match: string, share: number): string {
  return share < 1 ? `${match} ${Math.round(share * 100)}%` : match;
}
