'use client';
/** The action of a rule: forward to weighted target groups, or a fixed response (404 or 500). */
import type { RuleAction } from '@/lib/domain/routing';
import type { TargetGroupView } from '@/lib/routing/view';
import { WeightEditor } from './WeightEditor';
import styles from './routing.module.css';

interface Props {
  action: RuleAction;
  groups: TargetGroupView[];
  locked: ReadonlySet<number>;
  disabled: boolean;
  invalid?: ReadonlySet<string>;
  /** False on a TLS passthrough listener (it can only forward). Default true. */
  fixedResponse?: boolean;
  onChange: (a: RuleAction, locked: ReadonlySet<number>) => void;
}

/** Edits an action; switching kinds keeps nothing of the other kind. */
export function ActionEditor({ action, groups, locked, disabled, invalid, fixedResponse = true, onChange }: Props) {
  const first = groups[0]?.arn;
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend>Action</legend>
      <div className={styles.fieldRow} role="radiogroup" aria-label="Action type">
        <label className={styles.inline}>
          <input
            type="radio"
            name="action-type"
            checked={action.type === 'forward'}
            onChange={() =>
              onChange(
                { type: 'forward', targetGroups: first ? [{ targetGroupArn: first, weight: 100 }] : [] },
                new Set(),
              )
            }
          />{' '}
          forward
        </label>
        {fixedResponse || action.type === 'fixedResponse' ? (
          <label className={styles.inline}>
            <input
              type="radio"
              name="action-type"
              checked={action.type === 'fixedResponse'}
              onChange={() => onChange({ type: 'fixedResponse', statusCode: 404 }, new Set())}
            />{' '}
            fixed response
          </label>
        ) : null}
        {action.type === 'fixedResponse' ? (
          <select
            aria-label="Status code"
            value={action.statusCode}
            onChange={(e) => onChange({ type: 'fixedResponse', statusCode: Number(e.target.value) }, locked)}
          >
            {[404, 500, ...([404, 500].includes(action.statusCode) ? [] : [action.statusCode])].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ) : null}
      </div>
      {action.type === 'forward' ? (
        <WeightEditor
          targets={action.targetGroups}
          groups={groups}
          locked={locked}
          disabled={disabled}
          {...(invalid ? { invalid } : {})}
          onChange={(t, l) => onChange({ type: 'forward', targetGroups: t }, l)}
        />
      ) : null}
    </fieldset>
  );
}
