'use client';

import type { GraphNode } from '@/lib/graph/types';
import styles from '../topology.module.css';
import type { Lookup } from './lookup';

/** Nodes connected to `node`, by edge kind, as buttons that select them. */
export function Relations({ node, lookup, onPick }: { node: GraphNode; lookup: Lookup; onPick(id: string): void }) {
  const incoming = lookup.graph.edges.filter((e) => e.target === node.id && e.kind !== 'target');
  const outgoing = lookup.graph.edges.filter((e) => e.source === node.id && e.kind !== 'target');
  const groups: Array<[string, string[]]> = [
    [
      'Networks',
      [
        ...incoming.filter((e) => e.kind === 'serviceAssociation').map((e) => e.source),
        ...outgoing.filter((e) => e.kind === 'vpcAssociation').map((e) => e.target),
      ],
    ],
    ['VPCs', incoming.filter((e) => e.kind === 'vpcAssociation').map((e) => e.source)],
    [
      'Services',
      [
        ...outgoing.filter((e) => e.kind === 'serviceAssociation').map((e) => e.target),
        ...incoming.filter((e) => e.kind === 'route').map((e) => e.source),
      ],
    ],
    ['Target groups', outgoing.filter((e) => e.kind === 'route').map((e) => e.target)],
  ];
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
