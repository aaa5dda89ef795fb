'use client';
/** The "Managed by" facts of a resource: who (EKS controller or CloudFormation stack) and the tags' details. */
import { k8sName, ownerDescription, type Owner } from '@/lib/domain/owner';
import styles from '../topology.module.css';
import { OwnerBadge } from '../../ui/OwnerBadge';

function details(owner: Owner): string[] {
  if (owner.kind === 'cloudformation')
    return [
      ...(owner.logicalId ? [`logical id ${owner.logicalId}`] : []),
      ...(owner.stackId ? [`stack ${owner.stackId}`] : []),
      'Routing changes made here are drift: the next stack update overwrites them.',
    ];
  return [
    ...(owner.cluster ? [`cluster ${owner.cluster}`] : []),
    ...(owner.accountId ? [`account ${owner.accountId}`] : []),
    ...(owner.vpcId ? [`VPC ${owner.vpcId}`] : []),
    ...(owner.route ? [`${owner.route.kind ?? 'route'} ${k8sName(owner.route)}`] : []),
    ...(owner.k8sService ? [`Kubernetes Service ${k8sName(owner.k8sService)}`] : []),
    ...(owner.sourceType ? [`from ${owner.sourceType}`] : []),
    ...(owner.alsoStack ? [`also tagged by CloudFormation stack ${owner.alsoStack.stackName}`] : []),
    'The controller reverts routing changes made here at its next resync: change the route instead.',
  ];
}

/** The owner's badge, full name and tag details. */
export function OwnerFacts({ owner }: { owner: Owner }) {
  return (
    <span data-testid="owner-facts" data-owner={owner.kind}>
      <OwnerBadge owner={owner} /> {ownerDescription(owner)}
      <span className={styles.ownerDetails}>
        {details(owner).map((d) => (
          <span key={d}>{d}</span>
        ))}
      </span>
    </span>
  );
}
