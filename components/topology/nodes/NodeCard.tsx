'use client';

import { Handle, Position, useStore, type ReactFlowState } from '@xyflow/react';
import type { ReactNode } from 'react';
import { TARGET_STATUSES } from '@/lib/domain/snapshot';
import { NODE_SIZE } from '@/lib/graph/layoutInput';
import type { TrafficCounts } from '@/lib/graph/traffic';
import { isActiveProblem } from '@/lib/graph/findings';
import type { GraphNode } from '@/lib/graph/types';
import type { ResourceData } from '../flowTypes';
import { compact } from './format';
import { OwnerBadge } from '../../ui/OwnerBadge';
import styles from './nodes.module.css';

const KIND_LABEL: Record<GraphNode['kind'], string> = {
  vpc: 'VPC',
  network: 'Network',
  service: 'Service',
  targetGroup: 'Target group',
  target: 'Target',
  domain: 'Domain',
  resourceConfig: 'Resource',
  resourceGateway: 'Resource gateway',
};
const HEALTH_WORD = { error: 'failing', warn: 'degraded', ok: 'healthy', unknown: 'health unknown' } as const;

/** Below this zoom only names and health colours are drawn (fewer DOM updates when zoomed out). */
export const FAR_ZOOM = 0.4;
const isFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

/** The traffic line: requests, 4xx (with 403), 5xx. */
export function TrafficLine({ t }: { t: TrafficCounts }) {
  return (
    <span className={styles.traffic} data-testid="node-traffic">
      <span title="Requests in the window">{compact(t.requests)} req</span>
      {t.c4xx > 0 ? (
        <span className={styles.t4xx} title={`4xx answers, of which ${t.c403} were 403 (denied)`}>
          4xx {compact(t.c4xx)}
          {t.c403 > 0 ? ` (403 ${compact(t.c403)})` : ''}
        </span>
      ) : null}
      {t.c5xx > 0 ? (
        <span className={styles.t5xx} title="5xx answers">
          5xx {compact(t.c5xx)}
        </span>
      ) : null}
    </span>
  );
}

/** The card every resource node draws: health stripe, kind, name, badges, traffic and `children`. */
export function NodeCard({ data, sub, children }: { data: ResourceData; sub?: string; children?: ReactNode }) {
  const far = useStore(isFar);
  const { node } = data;
  const size = NODE_SIZE[node.kind];
  // A target group's bar and summary already say why it is not green.
  const badges = node.kind === 'targetGroup' ? node.badges.filter((b) => b.kind !== 'health') : node.badges;
  // An active finding colours the card by its severity, whatever the target health says.
  const problem = node.findings?.find(isActiveProblem);
  const cls = [
    styles.node,
    styles[node.health],
    problem ? styles[`finding_${problem.severity}`] : '',
    data.dimmed ? styles.dimmed : '',
    data.matched ? styles.matched : '',
    far ? styles.far : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={cls}
      style={{ width: size.w, height: size.h }}
      data-health={node.health}
      data-kind={node.kind}
      data-account={node.accountId}
      {...(node.findings?.length
        ? { 'data-finding': node.findings[0]!.severity, 'data-finding-kind': node.findings[0]!.kind }
        : {})}
      {...(node.kind === 'targetGroup'
        ? { 'data-targets': TARGET_STATUSES.map((st) => `${st}:${node.summary[st]}`).join(',') }
        : {})}
      title={[`${KIND_LABEL[node.kind]} ${node.label}: ${HEALTH_WORD[node.health]}`, problem?.title]
        .filter(Boolean)
        .join(' · ')}
    >
      {node.kind !== 'vpc' ? (
        <Handle type="target" position={Position.Left} className={styles.handle} isConnectable={false} />
      ) : null}
      <div className={styles.head}>
        <span className={styles.kind}>{KIND_LABEL[node.kind]}</span>
        <span className={styles.label} data-testid="node-label">
          {node.label}
        </span>
      </div>
      {sub ? <div className={styles.sub}>{sub}</div> : null}
      {badges.length > 0 || node.owner ? (
        <div className={styles.badges}>
          <OwnerBadge owner={node.owner} />
          {badges.slice(0, node.owner ? 2 : 3).map((b, i) => (
            // Badges are rebuilt whole and may repeat (two rules' "GetRule failed").
            // biome-ignore lint/suspicious/noArrayIndexKey: the position is the only identity a badge has.
            <span key={i} className={styles.badge} data-kind={b.kind} title={b.title ?? b.text}>
              {b.text}
            </span>
          ))}
        </div>
      ) : null}
      {data.traffic ? <TrafficLine t={data.traffic} /> : null}
      {children}
      {node.kind !== 'target' ? (
        <Handle type="source" position={Position.Right} className={styles.handle} isConnectable={false} />
      ) : null}
    </div>
  );
}
