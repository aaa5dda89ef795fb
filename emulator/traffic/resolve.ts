/**
 * Resolves what the control API names a target group or service by: its id, its ARN, or its name
 * when exactly one resource of any account and region has it. Problems come back as a sentence the
 * caller can act on (the control route answers it as a 400).
 */
import type { LatticeStore } from '../lattice/store';
import type { ServiceRecord, TargetGroupRecord } from '../lattice/types';

type Named = { id: string; arn: string; name: string };

function resolveIn<T extends Named>(items: readonly T[], ref: string, what: string): T | string {
  const byKey = items.find((r) => r.id === ref || r.arn === ref);
  if (byKey) return byKey;
  const named = items.filter((r) => r.name === ref);
  if (named.length === 1) return named[0] as T;
  if (named.length > 1)
    return (
      `${what} name '${ref}' is ambiguous: ${named.length} ${what}s have it ` +
      `(${named.map((r) => r.arn).join(', ')}); use the id or ARN`
    );
  return `no ${what} '${ref}' (give its id, ARN or unique name)`;
}

/** A target group by id, ARN or unique name; a message when there is none or several. */
export function resolveTargetGroup(store: LatticeStore, ref: string): TargetGroupRecord | string {
  return resolveIn(store.targetGroups(), ref, 'target group');
}

/** A service by id, ARN or unique name; a message when there is none or several. */
export function resolveService(store: LatticeStore, ref: string): ServiceRecord | string {
  return resolveIn(store.all('service'), ref, 'service');
}
