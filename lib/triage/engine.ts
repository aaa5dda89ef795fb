/**
 * The findings engine: gathered inputs → a ranked TriageReport. Log-based detectors run on the folded
 * series, health and audit findings on their fresh reads; statistical candidates pass persistence,
 * then canary roles and change correlation are attached, then everything is ranked. Pure apart from
 * the per-process `Persistence` it is given (which first forgets the findings of vanished resources,
 * vanished.ts).
 */
import type { AuditEvent } from '../audit/event';
import type { Snapshot, Target } from '../domain/snapshot';
import { type CanaryInput, canaryFindings, withCanaryRoles } from './detect/canary';
import { changeFindings, correlate } from './detect/change';
import type { Candidate, DetectInput } from './detect/common';
import { detectAuthDenials } from './detect/authDenials';
import { detectErrorRate } from './detect/errorRate';
import { detectLatency } from './detect/latency';
import { detectTrafficDrop } from './detect/trafficDrop';
import { unhealthyFindings } from './detect/unhealthyTargets';
import type { Folded } from './fold';
import type { Persistence } from './persistence';
import { rank } from './rank';
import type { Finding, TriageError, TriageReport } from './types';
import { resourceOf, vanishedIn } from './vanished';
import { places } from './where';

/** Everything one evaluation reads. */
export interface EngineInput {
  nowMs: number;
  snapshot: Snapshot;
  /** The folded log series; undefined when no log query answered. */
  folded?: Folded;
  /** Fresh target lists of the groups read this refresh, by target group ARN. */
  health: Record<string, Target[]>;
  /** Audit events of the last hour (any order). */
  changes: AuditEvent[];
  canaries: CanaryInput[];
  errors: TriageError[];
  queries: number;
  bytesScanned: number;
}

/** Log-based candidates of every kind. */
export function logCandidates(d: DetectInput): Candidate[] {
  return [...detectErrorRate(d), ...detectAuthDenials(d), ...detectLatency(d), ...detectTrafficDrop(d)];
}

/** One evaluation. */
export function evaluate(input: EngineInput, persistence: Persistence): TriageReport {
  const p = places(input.snapshot);
  // Findings of resources the snapshot (completely read for their account) no longer lists are dropped.
  persistence.forget(vanishedIn(input.snapshot), resourceOf);
  const candidates = input.folded ? logCandidates({ folded: input.folded, places: p }) : [];
  const health = unhealthyFindings(input.health, p, input.nowMs, persistence);
  const statistical = persistence.update([...candidates, ...health], input.nowMs);
  const withRoles = withCanaryRoles(statistical, p, input.changes, input.canaries);
  const correlated = correlate(withRoles, input.changes, p);
  const context: Finding[] = [
    ...changeFindings(input.changes, p, input.nowMs),
    ...canaryFindings(input.canaries, p, input.folded, input.nowMs),
  ];
  const asOf = input.folded ? input.folded.deliveredUntil : input.nowMs;
  return {
    findings: rank([...correlated, ...context]),
    errors: input.errors,
    computedAt: new Date(input.nowMs).toISOString(),
    asOf: new Date(asOf).toISOString(),
    queries: input.queries,
    bytesScanned: input.bytesScanned,
  };
}
