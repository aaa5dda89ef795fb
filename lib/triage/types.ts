/**
 * The findings model: what the triage engine emits and the "Now" page draws. Pure data, client-safe (the
 * page imports these types). One `Finding` per (kind, resource[, principal, reason]); ranked by `rank`.
 */

export type FindingKind =
  | 'error-rate'
  | 'auth-denials'
  | 'unhealthy-targets'
  | 'latency'
  | 'traffic-drop'
  | 'change'
  | 'canary';

/** critical: traffic ≈ 0 or ≥ 50 % 5xx or every target down; high: a significant rise; info: context. */
export type Severity = 'critical' | 'high' | 'info';

/** Where a finding is: ARNs for links, names for the words. Absent parts do not apply. */
export interface FindingWhere {
  accountId: string;
  region: string;
  networkArn?: string;
  networkName?: string;
  serviceArn?: string;
  serviceName?: string;
  listenerArn?: string;
  ruleArn?: string;
  ruleName?: string;
  targetGroupArn?: string;
  targetGroupName?: string;
}

/** One point of the recent window's sparkline: per-minute figure (rate 0..1, count, or ms by kind). */
export interface SparkPoint {
  /** Minute start, epoch ms. */
  t: number;
  value: number;
}

/** A change from the audit log that a finding started shortly after. */
export interface ChangeLink {
  eventId: string;
  /** ISO time of the change. */
  time: string;
  actor: string;
  /** Plain words: "weights 90/10 → 50/50 on rule checkout-canary". */
  summary: string;
  /** Seconds from the change to the finding's onset (negative: the onset came first). */
  secondsBeforeOnset: number;
}

/** What the card's actions can do; absent means none. The server re-checks everything on apply. */
export interface FindingActions {
  /**
   * The failing group is the canary of its rule: shift its weight to 0, the rest back to the stable.
   * `ruleArn` equal to `listenerArn` names the listener's default action.
   */
  rollback?: { serviceArn: string; listenerArn: string; ruleArn: string; targetGroupArn: string };
  /** A running canary plan can be aborted (`ruleArn` = `listenerArn`: a plan on the default action). */
  abort?: { planId: string; serviceArn: string; listenerArn: string; ruleArn: string };
  /** A failing stable group: no one-click shift, link to the rule instead. */
  ruleLink?: { serviceArn: string; ruleArn: string };
}

export interface Finding {
  /** Stable across refreshes for the same problem: kind + resource (+ principal/reason). */
  id: string;
  kind: FindingKind;
  severity: Severity;
  /** Plain words naming the resource and the problem; the card's headline. */
  title: string;
  /** Secondary line: figures against the baseline, dominant reason/code, "as of". */
  detail: string;
  where: FindingWhere;
  /** ISO time the problem started (CUSUM onset, or first seen for health/changes). */
  onset: string;
  /** ISO time the data behind this finding is complete to (log lag for log kinds; now for health/audit). */
  asOf: string;
  /** Ranking score (higher first within a severity). */
  score: number;
  spark?: SparkPoint[];
  /** error-rate: the weighted rule this group is a canary of. */
  canary?: boolean;
  principal?: string;
  reason?: string;
  responseCode?: number;
  targetIds?: string[];
  change?: ChangeLink;
  actions?: FindingActions;
  /** Logs explorer deep-link query (path + query string), e.g. "/logs?tg=…&from=…&to=…&rank=change". */
  logsHref?: string;
  /** Topology deep link with the node selected, e.g. "/topology?select=<arn>". */
  graphHref?: string;
}

/** One account/region that could not be read, shown where it happened. */
export interface TriageError {
  accountId: string;
  region?: string;
  source: 'logs' | 'health' | 'audit' | 'inventory';
  code: string;
  message: string;
}

export interface TriageReport {
  findings: Finding[];
  errors: TriageError[];
  /** ISO time this report was computed. */
  computedAt: string;
  /** Oldest complete-data time among log-based sources (the page's "data as of"). */
  asOf: string;
  /** Logs Insights cost of this refresh. */
  queries: number;
  bytesScanned: number;
}
