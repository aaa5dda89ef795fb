'use client';

import type { ReactNode } from 'react';
import { parseLatticeArn } from '@/lib/domain/arn';
import type { GraphNode } from '@/lib/graph/types';
import styles from '../topology.module.css';
import { CopyButton } from './CopyButton';
import type { Lookup } from './lookup';
import { OwnerFacts } from './OwnerFacts';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** The facts of a node: ARN (with copy), id, owner, status, DNS name, auth type, type… */
export function Facts({ node, lookup }: { node: GraphNode; lookup: Lookup }) {
  const isArn = parseLatticeArn(node.id) !== undefined;
  const svc = node.kind === 'service' ? lookup.snapshot.services.find((s) => s.arn === node.id) : undefined;
  const tg = node.kind === 'targetGroup' ? lookup.snapshot.targetGroups.find((t) => t.arn === node.id) : undefined;
  return (
    <dl className={styles.facts} data-testid="node-facts">
      {isArn ? (
        <Row term="ARN">
          <span className={styles.mono} data-testid="node-arn">
            {node.id}
          </span>
          <CopyButton text={node.id} label="Copy the ARN" />
        </Row>
      ) : null}
      {node.kind === 'vpc' ? <Row term="VPC">{node.vpcId}</Row> : null}
      {node.kind === 'target' ? <Row term="Target">{node.label}</Row> : null}
      <Row term="Account">
        {lookup.accountName(node.accountId)} <span className={styles.mono}>{node.accountId}</span>
      </Row>
      {node.owner ? (
        <Row term="Managed by">
          <OwnerFacts owner={node.owner} />
        </Row>
      ) : null}
      {svc?.status || tg?.status ? <Row term="Status">{svc?.status ?? tg?.status}</Row> : null}
      {node.kind === 'target' ? (
        <Row term="Health">
          {node.status}
          {node.reasonCode ? ` · ${node.reasonCode}` : ''}
        </Row>
      ) : null}
      {svc?.dnsName ? (
        <Row term="DNS name">
          <span className={styles.mono}>{svc.dnsName}</span>
          <CopyButton text={svc.dnsName} label="Copy the DNS name" />
        </Row>
      ) : null}
      {svc?.customDomainName ? <Row term="Domain">{svc.customDomainName}</Row> : null}
      {node.kind === 'service' || node.kind === 'network' ? (
        <Row term="Auth type">{node.authType ?? 'unknown'}</Row>
      ) : null}
      {tg ? (
        <Row term="Type">
          {tg.type}
          {tg.protocol ? ` · ${tg.protocol}` : ''}
          {tg.port !== undefined ? `:${tg.port}` : ''}
          {tg.vpcId ? ` · ${tg.vpcId}` : ''}
        </Row>
      ) : null}
    </dl>
  );
}
