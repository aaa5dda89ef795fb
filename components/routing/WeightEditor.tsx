'use client';
/**
 * Weights of a forward action: per target group a number (the API's integer weight) and a slider
 * (its percent; moving it rebalances the unlocked others), a lock, and the share it gets. Even split
 * and "all to" act on percents (weights summing to 100), from lib/domain/weights.
 */
import { trafficShares, type WeightedTarget } from '@/lib/domain/routing';
import type { TargetGroupView } from '@/lib/routing/view';
import { allTo, evenSplit, roundedPercents, setPercent } from '@/lib/domain/weights';
import { HealthBadge } from './HealthBadge';
import { TG_COLORS } from './TrafficBar';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { tableClass } from '../ui/Table';

interface Props {
  targets: WeightedTarget[];
  groups: TargetGroupView[];
  locked: ReadonlySet<number>;
  disabled: boolean;
  /** Fields with a validation issue (`action.targetGroups[i].weight`), marked aria-invalid. */
  invalid?: ReadonlySet<string>;
  onChange: (targets: WeightedTarget[], locked: ReadonlySet<number>) => void;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The weight table with its bulk actions. */
export function WeightEditor({ targets, groups, locked, disabled, invalid = new Set(), onChange }: Props) {
  const group = (arn: string) => groups.find((g) => g.arn === arn);
  const nameOf = (arn: string) => group(arn)?.name ?? arn.split('/').pop() ?? arn;
  const shares = trafficShares(
    targets.map((t) => ({ ...t, weight: Number.isFinite(t.weight) ? Math.max(0, t.weight) : 0 })),
  );
  const percents = roundedPercents(targets.map((t) => (Number.isFinite(t.weight) ? t.weight : 0)));
  const withWeights = (ws: number[]) => targets.map((t, i) => ({ ...t, weight: ws[i] ?? 0 }));
  const unused = groups.filter((g) => !targets.some((t) => t.targetGroupArn === g.arn));

  const toggleLock = (i: number) => {
    const next = new Set(locked);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    onChange(targets, next);
  };
  const remove = (i: number) => {
    const next = new Set<number>();
    for (const l of locked) if (l !== i) next.add(l > i ? l - 1 : l);
    onChange(
      targets.filter((_, k) => k !== i),
      next,
    );
  };

  return (
    <div className={styles.weights}>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">Target group</th>
            <th scope="col">Weight</th>
            <th scope="col">Share</th>
            <th scope="col">
              <span className="visually-hidden">Lock and remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t, i) => {
            const name = nameOf(t.targetGroupArn);
            const g = group(t.targetGroupArn);
            return (
              <tr key={t.targetGroupArn} data-testid={`weight-row-${name}`}>
                <td>
                  <span
                    className={styles.swatch}
                    style={{ background: TG_COLORS[i % TG_COLORS.length] }}
                    aria-hidden="true"
                  />
                  {name}{' '}
                  <HealthBadge
                    {...(g?.health ? { health: g.health } : {})}
                    {...(g?.healthError ? { error: g.healthError } : {})}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    className={styles.weightInput}
                    aria-label={`Weight of ${name}`}
                    aria-invalid={invalid.has(`action.targetGroups[${i}].weight`) || undefined}
                    value={Number.isFinite(t.weight) ? t.weight : ''}
                    disabled={disabled}
                    onChange={(e) =>
                      onChange(
                        targets.map((x, k) =>
                          k === i ? { ...x, weight: e.target.value === '' ? Number.NaN : Number(e.target.value) } : x,
                        ),
                        locked,
                      )
                    }
                  />
                </td>
                <td className={styles.shareCell}>
                  <input
                    type="range"
                    min={0}
                    max={100}
                    step={1}
                    aria-label={`Share of ${name} in percent`}
                    value={percents[i] ?? 0}
                    disabled={disabled || locked.has(i)}
                    onChange={(e) =>
                      onChange(
                        withWeights(
                          setPercent(
                            targets.map((x) => (Number.isFinite(x.weight) ? x.weight : 0)),
                            i,
                            Number(e.target.value),
                            locked,
                          ),
                        ),
                        locked,
                      )
                    }
                  />
                  <output className={styles.shareValue}>{pct(shares[i]?.share ?? 0)}</output>
                </td>
                <td className={styles.rowActions}>
                  <label className={styles.lock}>
                    <input type="checkbox" checked={locked.has(i)} disabled={disabled} onChange={() => toggleLock(i)} />
                    {' lock'}
                  </label>
                  <button
                    type="button"
                    className={buttonClass('quiet', 'sm')}
                    aria-label={`Remove ${name}`}
                    disabled={disabled || targets.length <= 1}
                    onClick={() => remove(i)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className={styles.weightTools}>
        <button
          type="button"
          className={buttonClass('secondary', 'sm')}
          disabled={disabled || targets.length === 0}
          onClick={() =>
            onChange(
              withWeights(
                evenSplit(
                  targets.map((t) => (Number.isFinite(t.weight) ? t.weight : 0)),
                  locked,
                ),
              ),
              locked,
            )
          }
        >
          Even split
        </button>
        <label>
          All to{' '}
          <select
            value=""
            disabled={disabled || targets.length === 0}
            aria-label="Send all traffic to"
            onChange={(e) =>
              e.target.value !== '' && onChange(withWeights(allTo(targets.length, Number(e.target.value))), new Set())
            }
          >
            <option value="">…</option>
            {targets.map((t, i) => (
              <option key={t.targetGroupArn} value={i}>
                {nameOf(t.targetGroupArn)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Add{' '}
          <select
            value=""
            disabled={disabled || unused.length === 0}
            aria-label="Add a target group"
            onChange={(e) =>
              e.target.value && onChange([...targets, { targetGroupArn: e.target.value, weight: 0 }], locked)
            }
          >
            <option value="">{unused.length === 0 ? 'no other target group' : 'target group…'}</option>
            {unused.map((g) => (
              <option key={g.arn} value={g.arn}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
