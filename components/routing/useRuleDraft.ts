'use client';
/** The rule editor's state (base, draft, locks, swap); everything derived comes from ruleDraft (pure). */
import { useMemo, useState } from 'react';
import type { ListenerView, TargetGroupView } from '@/lib/routing/view';
import { type Base, baseOf, type Draft, deriveDraft, draftOf, type EditTarget } from './ruleDraft';

export { currentVersion, type Draft, type EditTarget } from './ruleDraft';

/** Everything the editor shows and sends. */
export function useRuleDraft(
  listener: ListenerView,
  target: EditTarget,
  groups: TargetGroupView[],
  serviceArn: string,
) {
  const [base, setBase] = useState<Base>(() => baseOf(listener, target));
  const [draft, setDraft] = useState<Draft>(() => draftOf(listener, target, groups));
  const [locked, setLocked] = useState<ReadonlySet<number>>(new Set());
  const [swap, setSwap] = useState(false);
  const derived = useMemo(
    () => deriveDraft({ listener, target, groups, serviceArn, base, draft, swap }),
    [draft, base, swap, listener, groups, target, serviceArn],
  );

  /** Starts over from the freshly read state. */
  const reload = (fresh: ListenerView, freshTarget: EditTarget) => {
    setBase(baseOf(fresh, freshTarget));
    setDraft(draftOf(fresh, freshTarget, groups));
    setLocked(new Set());
    setSwap(false);
  };

  return { base, draft, setDraft, locked, setLocked, swap, setSwap, reload, ...derived };
}
