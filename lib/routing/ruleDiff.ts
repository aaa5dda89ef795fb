/**
 * Before/after of a rule for the preview of a change (and the conflict panel): one row per aspect
 * (priority, match, action) and the traffic share of every target group before and after. Pure.
 */
import { matchSummary, type RuleAction } from '../domain/routing';
import type { NameOf, RuleContent } from './ruleValidation';
import { canonicalJson } from './ruleVersion';

/** One aspect of a rule before and after. */
export interface DiffRow {
  aspect: 'Priority' | 'Match' | 'Action';
  before: string;
  after: string;
  changed: boolean;
}

/** A target group's traffic share before and after, in percent (one decimal). */
export interface ShareRow {
  targetGroupArn: string;
  name: string;
  beforeWeight?: number;
  afterWeight?: number;
  beforePercent: number;
  afterPercent: number;
  changed: boolean;
}

/** The whole diff of a rule. `before`/`after` undefined: the rule is created / deleted. */
export interface RuleDiff {
  rows: DiffRow[];
  shares: ShareRow[];
  changed: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A one-line summary of an action: `forward a 90 · b 10`, `fixed 404`. */
export function actionSummary(action: RuleAction | undefined, nameOf: NameOf): string {
  if (!action) return 'none';
  if (action.type === 'fixedResponse') return `fixed response ${action.statusCode}`;
  return `forward ${action.targetGroups.map((t) => `${nameOf(t.targetGroupArn)} ${t.weight}`).join(' · ')}`;
}

function percentsOf(action: RuleAction | undefined): Map<string, { weight: number; percent: number }> {
  const out = new Map<string, { weight: number; percent: number }>();
  if (action?.type !== 'forward') return out;
  const sum = action.targetGroups.reduce((s, t) => s + t.weight, 0);
  for (const t of action.targetGroups)
    out.set(t.targetGroupArn, { weight: t.weight, percent: sum === 0 ? 0 : round1((t.weight / sum) * 100) });
  return out;
}

/** Traffic shares before and after, in the order target groups first appear (before, then new ones). */
export function shareRows(before: RuleAction | undefined, after: RuleAction | undefined, nameOf: NameOf): ShareRow[] {
  const b = percentsOf(before);
  const a = percentsOf(after);
  const arns = [...new Set([...b.keys(), ...a.keys()])];
  return arns.map((arn) => {
    const x = b.get(arn);
    const y = a.get(arn);
    return {
      targetGroupArn: arn,
      name: nameOf(arn),
      ...(x ? { beforeWeight: x.weight } : {}),
      ...(y ? { afterWeight: y.weight } : {}),
      beforePercent: x?.percent ?? 0,
      afterPercent: y?.percent ?? 0,
      changed: x?.weight !== y?.weight || x?.percent !== y?.percent,
    };
  });
}

/** The diff of a rule (set `isDefault` for a default action: no priority or match rows). */
export function diffRule(
  before: RuleContent | undefined,
  after: RuleContent | undefined,
  nameOf: NameOf,
  isDefault = false,
): RuleDiff {
  const rows: DiffRow[] = [];
  const absent = '—';
  if (!isDefault) {
    const bp = before?.priority !== undefined ? String(before.priority) : absent;
    const ap = after?.priority !== undefined ? String(after.priority) : absent;
    rows.push({ aspect: 'Priority', before: bp, after: ap, changed: bp !== ap });
    const bm = before ? matchSummary(before.match ?? { headers: [] }) : absent;
    const am = after ? matchSummary(after.match ?? { headers: [] }) : absent;
    const matchChanged = canonicalJson(before?.match ?? null) !== canonicalJson(after?.match ?? null) || bm !== am;
    rows.push({ aspect: 'Match', before: bm, after: am, changed: matchChanged });
  }
  const ba = before ? actionSummary(before.action, nameOf) : absent;
  const aa = after ? actionSummary(after.action, nameOf) : absent;
  rows.push({
    aspect: 'Action',
    before: ba,
    after: aa,
    changed: canonicalJson(before?.action ?? null) !== canonicalJson(after?.action ?? null),
  });
  const shares = shareRows(before?.action, after?.action, nameOf);
  return { rows, shares, changed: rows.some((r) => r.changed) };
}
