'use client';

/**
 * The facts of the VPC-resource kinds and the newer service facts: a resource configuration (what it
 * points at, ports, status and failure reason, custom domain, its network associations and VPC
 * endpoints), a resource gateway (VPC, subnets, security groups, address type), a domain verification
 * (for a PENDING one the TXT record to create, copyable) and a service's certificate and TLS passthrough.
 */
import type { ReactNode } from 'react';
import { definitionText } from '@/lib/graph/buildResources';
import type { GraphNode } from '@/lib/graph/types';
import styles from '../topology.module.css';
import { CopyButton } from './CopyButton';
import type { Lookup } from './lookup';

function Row({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd {...(testId ? { 'data-testid': testId } : {})}>{children}</dd>
    </>
  );
}

function Copyable({ text, label, testId }: { text: string; label: string; testId: string }) {
  return (
    <>
      <span className={styles.mono} data-testid={testId}>
        {text}
      </span>
      <CopyButton text={text} label={label} />
    </>
  );
}

function ConfigFacts({ arn, lookup }: { arn: string; lookup: Lookup }) {
  const c = lookup.snapshot.resourceConfigurations.find((x) => x.arn === arn);
  if (!c) return null;
  const associations = lookup.snapshot.resourceAssociations.filter((a) => a.resourceConfigurationArn === arn);
  const endpoints = lookup.snapshot.resourceEndpointAssociations.filter((e) => e.resourceConfigurationArn === arn);
  const target = definitionText(c.definition);
  return (
    <dl className={styles.facts} data-testid="resource-facts">
      <Row term="Status" testId="resource-status">
        {c.status ?? 'unknown'}
      </Row>
      {c.failureReason ? (
        <Row term="Failure reason" testId="resource-failure">
          {c.failureReason}
        </Row>
      ) : null}
      <Row term="Type">{[c.type, c.definition?.kind.toUpperCase()].filter(Boolean).join(' · ')}</Row>
      {target ? (
        <Row term="Resource">
          <Copyable text={target} label="Copy the resource address" testId="resource-target" />
        </Row>
      ) : null}
      {c.protocol || c.portRanges ? (
        <Row term="Ports" testId="resource-ports">
          {c.protocol} {c.portRanges?.join(', ')}
        </Row>
      ) : null}
      {c.customDomainName ? (
        <Row term="Custom domain">
          {c.customDomainName}
          {c.domainVerificationStatus ? ` (${c.domainVerificationStatus})` : ''}
        </Row>
      ) : null}
      {associations.map((a) => (
        <Row key={a.arn} term="In network">
          {lookup.node(a.serviceNetworkArn)?.label ?? a.serviceNetworkArn} · {a.status ?? 'status unknown'}
          {a.failureCode ? ` · ${a.failureCode}` : ''}
          {(a.privateDnsName ?? a.dnsName) ? (
            <span className={styles.dnsLine}>{a.privateDnsName ?? a.dnsName}</span>
          ) : null}
        </Row>
      ))}
      {endpoints.map((e) => (
        <Row key={e.arn} term="VPC endpoint" testId="resource-endpoint">
          <span className={styles.mono}>{e.vpcEndpointId}</span>
          {e.vpcEndpointOwner ? ` · ${lookup.accountName(e.vpcEndpointOwner)}` : ''}
        </Row>
      ))}
    </dl>
  );
}

function GatewayFacts({ arn, lookup }: { arn: string; lookup: Lookup }) {
  const g = lookup.snapshot.resourceGateways.find((x) => x.arn === arn);
  if (!g) return null;
  return (
    <dl className={styles.facts} data-testid="gateway-facts">
      <Row term="Status">{g.status ?? 'unknown'}</Row>
      {g.vpcId ? <Row term="VPC">{g.vpcId}</Row> : null}
      <Row term="Addresses">{g.ipAddressType ?? 'unknown'}</Row>
      <Row term="Subnets">{g.subnetIds.join(', ') || 'none'}</Row>
      <Row term="Security groups">{g.securityGroupIds.join(', ') || 'none'}</Row>
    </dl>
  );
}

function DomainFacts({ arn, lookup }: { arn: string; lookup: Lookup }) {
  const d = lookup.snapshot.domainVerifications.find((x) => x.arn === arn);
  if (!d) return null;
  return (
    <>
      <dl className={styles.facts} data-testid="domain-facts">
        <Row term="Status" testId="domain-status">
          {d.status ?? 'unknown'}
        </Row>
        {d.lastVerifiedAt ? <Row term="Verified">{d.lastVerifiedAt}</Row> : null}
      </dl>
      {d.status !== 'VERIFIED' && d.txtName && d.txtValue ? (
        <section className={styles.section} aria-label="TXT record to create" data-testid="domain-txt">
          <h3>TXT record to create</h3>
          <p className={styles.hint}>
            Lattice checks DNS for this record; the domain stays {d.status ?? 'unverified'} until it is found.
          </p>
          <dl className={styles.facts}>
            <Row term="Name">
              <Copyable text={d.txtName} label="Copy the TXT record name" testId="txt-name" />
            </Row>
            <Row term="Value">
              <Copyable text={d.txtValue} label="Copy the TXT record value" testId="txt-value" />
            </Row>
          </dl>
        </section>
      ) : null}
    </>
  );
}

function ServiceFacts({ arn, lookup }: { arn: string; lookup: Lookup }) {
  const s = lookup.snapshot.services.find((x) => x.arn === arn);
  const listeners = lookup.snapshot.listeners.filter((l) => l.serviceArn === arn);
  const passthrough = listeners.filter((l) => l.protocol === 'TLS_PASSTHROUGH');
  if (!s?.certificateArn && passthrough.length === 0) return null;
  return (
    <dl className={styles.facts} data-testid="service-tls">
      {s?.certificateArn ? (
        <Row term="Certificate">
          <Copyable text={s.certificateArn} label="Copy the certificate ARN" testId="service-certificate" />
        </Row>
      ) : null}
      {passthrough.map((l) => (
        <Row key={l.arn} term="TLS passthrough" testId="service-passthrough">
          Listener {l.name}
          {l.port !== undefined ? ` :${l.port}` : ''} does not terminate TLS: targets get the encrypted stream, matched
          by SNI on the custom domain; it has a default action only.
        </Row>
      ))}
    </dl>
  );
}

/** The facts particular to the node's kind (nothing for the older kinds, which `Facts` covers). */
export function VpcResourceFacts({ node, lookup }: { node: GraphNode; lookup: Lookup }) {
  if (node.kind === 'resourceConfig') return <ConfigFacts arn={node.id} lookup={lookup} />;
  if (node.kind === 'resourceGateway') return <GatewayFacts arn={node.id} lookup={lookup} />;
  if (node.kind === 'domain') return <DomainFacts arn={node.id} lookup={lookup} />;
  if (node.kind === 'service') return <ServiceFacts arn={node.id} lookup={lookup} />;
  return null;
}
