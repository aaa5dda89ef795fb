import { ownerDescription, ownerLabel, type Owner } from '@/lib/domain/owner';
import styles from './ui.module.css';

/** A small badge naming who manages a resource (EKS controller, CloudFormation stack); nothing when nobody. */
export function OwnerBadge({ owner, className }: { owner: Owner | undefined; className?: string }) {
  if (!owner) return null;
  return (
    <span
      className={[styles.ownerBadge, owner.kind === 'eks' ? styles.ownerEks : styles.ownerCfn, className]
        .filter(Boolean)
        .join(' ')}
      title={`Managed by ${ownerDescription(owner)}`}
      data-testid="owner-badge"
      data-owner={owner.kind}
    >
      {ownerLabel(owner)}
    </span>
  );
}
