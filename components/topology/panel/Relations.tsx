'use client';

import type { GraphNode, NodeKind } from '@/lib/graph/types';
import styles from '../topology.module.css';
import type { Lookup } from './lookup';

const TITLES: Array<[NodeKind, string]> = [
  ['network', 'Networks'],
  ['vpc', 'VPCs'],
  ['domain', 'Domains'],
  ['service', 'Services'],
  ['resourceConfig', 'Resource configurations'],
  ['targetGroup', 'Target groups'],
  ['resourceGateway', 'Resource gateways'],
];

/** Nodes connected to `node`, by their kind, as buttons that select them. */
export function Relations({ node, lookup, onPick }: { node: GraphNode; lookup: Lookup; onPick(id: string): void }) {
  const neighbours = lookup.graph.edges
    .filter((e) => e.kind !== 'target' && (e.source === node.id || e.target === node.id))
    .map((e) => (e.source === node.id ? e.target : e.source));
  const kindOf = (id: string) => lookup.node(id)?.kind;
  const groups: Array<[string, string[]]> = TITLES.map(([kind, title]) => [
    title,
    [...new Set(neighbours.filter((id) => kindOf(id) === kind))],
  ]);
  if (node.kind === 'target') groups.push(['Target group', [node.targetGroupArn]]);
  const shown = groups.filter(([, ids]) => ids.length > 0);
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map(([title, ids]) => (
        <section key={title} className={styles.section} aria-label={title}>
          <h3>
            {title} ({ids.length})
          </h3>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {ids.slice(0, 100).map((id) => {
              const n = lookup.node(id);
              return (
                <li key={id}>
                  <button type="button" className={styles.linkButton} onClick={() => onPick(id)}>
                    {n?.label ?? id}
                  </button>
                  {n && n.accountId !== node.accountId ? (
                    <span className={styles.small}> {lookup.accountName(n.accountId)}</span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
