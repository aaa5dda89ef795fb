'use client';
/**
 * Mutations of the routing feature: apply a change, or roll back an audit entry. On success the
 * result is announced and the affected queries refetched; on failure the error stays with the
 * caller (the preview dialog shows it).
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { applyRollback } from '@/lib/actions/audit';
import { applyRoutingChange } from '@/lib/actions/routing';
import type { ApplyResult, RoutingChange } from '@/lib/routing/change';
import { auditKeys } from '../audit/queryKeys';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';

/** What was applied, for the announcement. */
export function appliedText(label: string, r: ApplyResult): string {
  const audit = r.auditError ? ` Warning: the audit entry could not be written (${r.auditError.message}).` : '';
  return `${label}: applied${r.requestId ? ` (AWS request ${r.requestId})` : ''}.${audit}`;
}

/**
 * After a CONFLICT the page re-reads the rules, so the current state is on screen next to the refusal; after
 * OWNED (an owner appeared since the preview read them) the owners are read again, so the warning shows.
 */
function refreshOnConflict(qc: QueryClient, e: unknown): void {
  const code = errorInfoOf(e).code;
  if (code === 'CONFLICT') void qc.invalidateQueries({ queryKey: routingKeys.all });
  if (code === 'OWNED') void qc.invalidateQueries({ queryKey: routingKeys.ownershipAll() });
}

/** A write and whether the operator confirmed the owner override (see OwnerGate). */
export interface ApplyInput {
  change: RoutingChange;
  overrideOwner?: boolean;
}

/** Applies a routing change. */
export function useApplyChange(onDone: (r: ApplyResult) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (input: ApplyInput) => unwrap(await applyRoutingChange(input)),
    onError: (e) => refreshOnConflict(qc, e),
    onSuccess: async (r) => {
      onDone(r);
      await Promise.all([
        qc.invalidateQueries({ queryKey: routingKeys.all }),
        qc.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}

/** Rolls back an audit entry (the server rebuilds the change from the stored entry). */
export function useRollback(onDone: (r: ApplyResult) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (e: { eventId: string; time: string; overrideOwner?: boolean }) => unwrap(await applyRollback(e)),
    onError: (e) => refreshOnConflict(qc, e),
    onSuccess: async (r) => {
      onDone(r);
      await Promise.all([
        qc.invalidateQueries({ queryKey: routingKeys.all }),
        qc.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
}
