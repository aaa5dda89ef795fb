'use client';

import type { RuleRow } from '@/lib/graph/routes';
import styles from '../topology.module.css';
import type { Lookup } from './lookup';
import { OwnerBadge } from '../../ui/OwnerBadge';

/** A service's listeners and rules, in evaluation order: match, and where traffic goes with weight and share. */
export function RulesTable({ rows, lookup, onPick }: { rows: RuleRow[]; lookup: Lookup; onPick(id: string): void }) {
  if (rows.length === 0) return <p className={styles.small}>No listeners.</p>;
  const ruleOwner = new Map(lookup.snapshot.rules.map((x) => [x.arn, x.owner]));
  return (
    <table className={styles.table} data-testid="rules-table">
      <thead>
        <tr>
          <th scope="col">Listener</th>
          <th scope="col">Rule</th>
          <th scope="col">Match</th>
          <th scope="col">Target group</th>
          <th scope="col" className={styles.num}>
            Weight
          </th>
          <th scope="col" className={styles.num}>
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.flatMap((r) => {
          const key = `${r.listenerArn}|${r.ruleArn ?? r.ruleName}`;
          const head = (
            <>
              <td>
                {r.listenerName} {r.listenerLabel}
              </td>
              <td>
                {r.isDefault ? 'default' : `${r.priority ?? '–'} ${r.ruleName}`}{' '}
                <OwnerBadge owner={r.ruleArn ? ruleOwner.get(r.ruleArn) : undefined} />
              </td>
              <td className={styles.mono}>{r.match}</td>
            </>
          );
          if (r.fixedStatus !== undefined || r.forward.length === 0) {
            return [
              <tr key={key}>
                {head}
                <td colSpan={3}>{r.fixedStatus !== undefined ? `fixed response ${r.fixedStatus}` : 'no action'}</td>
              </tr>,
            ];
          }
          return r.forward.map((f, i) => (
            <tr key={`${key}|${f.targetGroupArn}`} data-testid="rule-row">
              {i === 0 ? (
                head
              ) : (
                <>
                  <td />
                  <td />
                  <td />
                </>
              )}
              <td>
                <button type="button" className={styles.linkButton} onClick={() => onPick(f.targetGroupArn)}>
                  {lookup.node(f.targetGroupArn)?.label ?? f.targetGroupArn}
                </button>
              </td>
              <td className={styles.num}>{f.weight}</td>
              <td className={styles.num} data-testid="rule-share">
                {Math.round(f.share * 1000) / 10}%
              </td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
