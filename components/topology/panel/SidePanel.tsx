'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { effectiveHealth } from '@/lib/graph/findings';
import { logsHref, routingHref } from '@/lib/graph/links';
import type { TrafficOverlay, TrafficWindow } from '@/lib/graph/traffic';
import type { TargetGroup } from '@/lib/domain/snapshot';
import type { GraphNode } from '@/lib/graph/types';
import styles from '../topology.module.css';
import { AuthPolicySection } from './AuthPolicySection';
import { Facts } from './Facts';
import { FindingsSection } from './FindingsSection';
import { HealthCheckSection } from './HealthCheckSection';
import type { Lookup } from './lookup';
import { Relations } from './Relations';
import { RulesTable } from './RulesTable';
import { TargetsTable } from './TargetsTable';
import { useWatchHealth } from '../useTopologyData';
import { VpcResourceFacts } from './VpcResourceFacts';

const KIND = {
  vpc: 'VPC',
  network: 'Service network',
  service: 'Service',
  targetGroup: 'Target group',
  target: 'Target',
  domain: 'Domain verification',
  resourceConfig: 'Resource configuration',
  resourceGateway: 'Resource gateway',
} as const;
const HEALTH = { error: 'Failing', warn: 'Degraded', ok: 'Healthy', unknown: 'Health unknown' } as const;

interface Props {
  node: GraphNode;
  lookup: Lookup;
  traffic: TrafficOverlay | undefined;
  window: TrafficWindow;
  /** Move focus to the heading (selection made by the user, not by opening a URL). */
  focusToken: number;
  onPick(id: string): void;
  onClose(): void;
}

/** The target groups whose health a user looking at `node` wants fresh: itself, or a service's groups. */
function watchedGroups(node: Props['node'], groups: readonly TargetGroup[]): string[] {
  if (node.kind === 'targetGroup') return [node.id];
  if (node.kind === 'service') return groups.filter((g) => g.serviceArns.includes(node.id)).map((g) => g.arn);
  return [];
}

/**
 * The selected node's details: its triage findings first, then facts, problems, traffic, rules, targets, auth
 * policy, links.
 */
export function SidePanel({ node, lookup, traffic, window, focusToken, onPick, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusToken > 0) heading.current?.focus();
  }, [focusToken]);
  const logs = logsHref(node, window);
  const t =
    node.kind === 'service'
      ? traffic?.services[node.id]
      : node.kind === 'targetGroup'
        ? traffic?.targetGroups[node.id]
        : undefined;
  const problems = lookup.snapshot.problems.filter((p) => p.resourceArn === node.id);
  useWatchHealth(watchedGroups(node, lookup.snapshot.targetGroups));
  const reasons = node.badges.filter((b) => b.kind === 'health');
  return (
    <aside className={styles.panel} aria-labelledby="topology-panel-title" data-testid="side-panel" data-node={node.id}>
      <div className={styles.panelHead}>
        <h2 id="topology-panel-title" className={styles.panelTitle} tabIndex={-1} ref={heading}>
          <span className={styles.panelKind}>
            {KIND[node.kind]} · {HEALTH[effectiveHealth(node)]}
          </span>
          {node.label}
        </h2>
        <button type="button" className={styles.close} onClick={onClose} aria-label="Close the details (Esc)">
          ×
        </button>
      </div>
      <div className={styles.panelBody}>
        {node.findings?.length ? <FindingsSection findings={node.findings} /> : null}
        <Facts node={node} lookup={lookup} />
        <VpcResourceFacts node={node} lookup={lookup} />
        {logs || node.kind === 'service' ? (
          <div className={styles.links}>
            {logs ? (
              <Link href={logs} data-testid="logs-link">
                Access logs (last {window})
              </Link>
            ) : null}
            {node.kind === 'service' ? (
              <Link href={routingHref(node.id)} data-testid="routing-link">
                Edit routing
              </Link>
            ) : null}
          </div>
        ) : null}
        {problems.length || reasons.length ? (
          <section className={styles.section} aria-label="Problems">
            <h3>Problems</h3>
            {reasons.map((b) => (
              <p key={`reason ${b.text}`} className={styles.problem}>
                {b.title ?? b.text}
              </p>
            ))}
            {problems.map((p) => (
              <p key={`${p.accountId} ${p.region} ${p.operation}`} className={styles.problem}>
                {p.operation}: {p.error.awsCode ? `${p.error.awsCode}: ` : ''}
                {p.error.message}
              </p>
            ))}
          </section>
        ) : null}
        {t ? (
          <section className={styles.section} aria-label="Traffic">
            <h3>Traffic, last {window}</h3>
            <dl className={styles.facts} data-testid="panel-traffic">
              <dt>Requests</dt>
              <dd>{t.requests}</dd>
              <dt>4xx</dt>
              <dd>
                {t.c4xx} (403: {t.c403})
              </dd>
              <dt>5xx</dt>
              <dd>{t.c5xx}</dd>
            </dl>
          </section>
        ) : null}
        {node.kind === 'service' ? (
          <section className={styles.section}>
            <h3>Listeners and rules</h3>
            <RulesTable rows={lookup.rules(node.id)} lookup={lookup} onPick={onPick} />
          </section>
        ) : null}
        {node.kind === 'targetGroup' ? (
          <section className={styles.section}>
            <h3>Targets ({node.targetCount})</h3>
            <TargetsTable targets={lookup.snapshot.targets[node.id] ?? []} />
          </section>
        ) : null}
        {node.kind === 'targetGroup' ? (
          <section className={styles.section} aria-label="Health check">
            <h3>Health check</h3>
            <HealthCheckSection arn={node.id} />
          </section>
        ) : null}
        {node.kind === 'service' || node.kind === 'network' ? (
          <section className={styles.section}>
            <h3>Auth policy</h3>
            <AuthPolicySection arn={node.id} />
          </section>
        ) : null}
        <Relations node={node} lookup={lookup} onPick={onPick} />
      </div>
    </aside>
  );
}
