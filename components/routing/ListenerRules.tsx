'use client';
/** One listener: its rules in evaluation order (priority, then the default action last) with their traffic. */
import { matchSummary } from '@/lib/domain/routing';
import { listenerLimits } from '@/lib/routing/listenerLimits';
import { targetGroupName, type ListenerView, type TargetGroupView } from '@/lib/routing/view';
import { ErrorNote } from './ErrorNote';
import { TrafficBar } from './TrafficBar';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { noteClass } from '../ui/Note';
import { numClass, tableClass } from '../ui/Table';

interface Props {
  listener: ListenerView;
  groups: TargetGroupView[];
  /** Selected rule ARN, `default` or `new` (of this listener). */
  selected?: string;
  onSelect: (rule: string) => void;
  canAdd: boolean;
}

/** The rules table of a listener. */
export function ListenerRules({ listener, groups, selected, onSelect, canAdd }: Props) {
  const nameOf = (arn: string) => targetGroupName(groups, arn);
  const limits = listenerLimits(listener.protocol);
  const row = (
    key: string,
    cells: { priority: string; name: string; match: string; action: ListenerView['defaultAction'] },
  ) => (
    <tr key={key} className={selected === key ? styles.selectedRow : undefined} aria-selected={selected === key}>
      <td className={numClass}>{cells.priority}</td>
      <td className={styles.nowrap}>
        <button
          type="button"
          className={buttonClass('link')}
          onClick={() => onSelect(key)}
          aria-current={selected === key ? 'true' : undefined}
          data-testid={`rule-${cells.name}`}
        >
          {cells.name}
        </button>
      </td>
      <td>
        <code>{cells.match}</code>
      </td>
      <td>
        <TrafficBar action={cells.action} nameOf={nameOf} />
      </td>
    </tr>
  );
  return (
    <section
      className={styles.listener}
      aria-labelledby={`listener-${listener.id}`}
      data-testid={`listener-${listener.name}`}
    >
      <div className={styles.listenerHead}>
        <h2 id={`listener-${listener.id}`}>
          {listener.name}{' '}
          <span className={styles.muted}>
            · {listener.protocol}
            {listener.port !== undefined ? `:${listener.port}` : ''}
          </span>
        </h2>
        {canAdd && limits.rules ? (
          <button
            type="button"
            className={buttonClass('secondary', 'sm')}
            onClick={() => onSelect('new')}
            data-testid="add-rule"
          >
            Add rule
          </button>
        ) : null}
      </div>
      {limits.reason ? (
        <p className={noteClass('info')} data-testid="listener-no-rules">
          Default action only. {limits.reason}
        </p>
      ) : null}
      {listener.rulesError ? (
        <ErrorNote error={listener.rulesError} title="The rules of this listener could not be read" />
      ) : null}
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" className={numClass}>
              Priority
            </th>
            <th scope="col">Rule</th>
            <th scope="col">Match</th>
            <th scope="col">Action and traffic</th>
          </tr>
        </thead>
        <tbody>
          {listener.rules.map((r) =>
            row(r.arn, { priority: String(r.priority), name: r.name, match: matchSummary(r.match), action: r.action }),
          )}
          {row('default', {
            priority: 'last',
            name: 'default',
            match: 'any request not matched above',
            action: listener.defaultAction,
          })}
        </tbody>
      </table>
    </section>
  );
}
