'use client';
/**
 * The owner check of a preview: when the dialog opens, the server reads the tags of what the write
 * touches (fresh, not the cached inventory). Nobody manages it: nothing to show, apply as usual.
 * Managed by the EKS controller or a CloudFormation stack: the warning (who, what will happen, what
 * to change instead) and a checkbox the operator must tick before Apply is enabled; the write then
 * carries `overrideOwner`, which the server checks again and records in the audit event.
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { getWriteOwnership } from '@/lib/actions/routing';
import type { CanaryTarget } from '@/lib/routing/canary/plan';
import type { RoutingChange } from '@/lib/routing/change';
import { ownerWarning } from '@/lib/routing/ownerWarning';
import { ownerLabel } from '@/lib/domain/owner';
import { ErrorNote } from './ErrorNote';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import styles from './routing.module.css';
import { noteClass } from '../ui/Note';
import { OwnerBadge } from '../ui/OwnerBadge';

/** What a preview needs from the owner check. */
export interface OwnerGate {
  /** False while the owners are being read, when they could not be, or until a needed override is ticked. */
  ready: boolean;
  /** Send `overrideOwner` with the write. */
  override: boolean;
  /** The warning and the override checkbox (or the progress / error line). */
  node: ReactNode;
}

/** The write being previewed: a routing change or the target of a canary plan. */
export type GateSubject = { change: RoutingChange } | { target: CanaryTarget };

/** Reads the owners of `subject` (once per opening of the preview) and gates its confirm button. */
export function useOwnerGate(subject: GateSubject | undefined): OwnerGate {
  const [confirmed, setConfirmed] = useState(false);
  const key = subject ? JSON.stringify(subject) : '';
  const q = useQuery({
    queryKey: routingKeys.ownership(key),
    queryFn: async () => unwrap(await getWriteOwnership(subject)),
    enabled: subject !== undefined,
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  if (!subject) return { ready: false, override: false, node: null };
  if (q.isPending)
    return {
      ready: false,
      override: false,
      node: (
        <p className={styles.muted} data-testid="owner-checking">
          Checking who manages this…
        </p>
      ),
    };
  if (q.isError)
    return {
      ready: false,
      override: false,
      node: (
        <ErrorNote
          error={errorInfoOf(q.error)}
          title="Could not read who manages this; nothing can be applied until it can"
          testId="owner-error"
        />
      ),
    };
  const owned = q.data.subjects;
  if (owned.length === 0) return { ready: true, override: false, node: null };
  const node = (
    <div className={noteClass('warn')} role="alert" data-testid="owner-warning">
      {owned.map((s) => (
        <p key={`${s.kind}:${s.resourceArn}`} data-owner={s.owner.kind}>
          <OwnerBadge owner={s.owner} /> {ownerWarning(s)}
        </p>
      ))}
      <label className={styles.ownerOverride}>
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
          data-testid="owner-override"
        />{' '}
        Override {owned.map((s) => ownerLabel(s.owner)).join(', ')} and apply here anyway (recorded in the audit log)
      </label>
    </div>
  );
  return { ready: confirmed, override: confirmed, node };
}
