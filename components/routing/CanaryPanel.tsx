'use client';
import type { ListenerView, TargetGroupView } from '@/lib/domain/routingView';
import type { EditTarget } from './useRuleDraft';

/** Placeholder until the canary runner lands. */
export function CanaryPanel(_p: { serviceArn: string; listener: ListenerView; target: EditTarget; groups: TargetGroupView[]; blockedReason?: string; announce: (t: string) => void }) {
  return null;
}
