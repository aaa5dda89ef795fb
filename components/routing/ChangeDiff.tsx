/** A rule's before/after: the aspects that change and every target group's share before → after. */
import type { RuleDiff } from '@/lib/routing/ruleDiff';
import styles from './routing.module.css';
import { tableClass } from '../ui/Table';

/** Renders a diff; changed cells are marked (not by colour alone: an arrow and bold text). */
export function ChangeDiff({ diff }: { diff: RuleDiff }) {
  return (
    <div className={styles.diff} data-testid="change-diff">
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {diff.rows.map((r) => (
            <tr key={r.aspect} className={r.changed ? styles.changed : undefined}>
              <th scope="row">{r.aspect}</th>
              <td>{r.before}</td>
              <td>
                {r.changed ? <strong>→ {r.after}</strong> : <span className={styles.muted}>{r.after} (unchanged)</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff.shares.length > 0 ? (
        <table className={tableClass} data-testid="share-diff">
          <caption>Traffic shares</caption>
          <thead>
            <tr>
              <th scope="col">Target group</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.shares.map((s) => (
              <tr
                key={s.targetGroupArn}
                className={s.changed ? styles.changed : undefined}
                data-testid={`share-${s.name}`}
              >
                <th scope="row">{s.name}</th>
                <td>
                  {s.beforePercent} %
                  {s.beforeWeight !== undefined ? (
                    <span className={styles.muted}> (weight {s.beforeWeight})</span>
                  ) : null}
                </td>
                <td>
                  {s.changed ? <strong>→ {s.afterPercent} %</strong> : `${s.afterPercent} %`}
                  {s.afterWeight !== undefined ? <span className={styles.muted}> (weight {s.afterWeight})</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
