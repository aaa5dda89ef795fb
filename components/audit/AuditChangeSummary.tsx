/** One line per rule of an audit entry: what it did before → after. */
import type { AuditEvent, GateFiguresLike } from '@/lib/audit/event';
import { ownerDescription } from '@/lib/domain/owner';
import { matchSummary } from '@/lib/domain/routing';
import { actionSummary } from '@/lib/routing/ruleDiff';
import type { RuleContent } from '@/lib/routing/ruleValidation';
import styles from './audit.module.css';

function text(c: RuleContent | null, nameOf: (arn: string) => string, isDefault: boolean): string {
  if (c === null) return 'absent';
  const head = isDefault ? '' : `#${c.priority ?? '?'} ${matchSummary(c.match)} · `;
  return `${head}${actionSummary(c.action, nameOf)}`;
}

const rate = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((n / of) * 1000) / 10} %`);

function gatesText(f: GateFiguresLike): string {
  const p99 = f.p99Ms === null ? '–' : `${Math.round(f.p99Ms)} ms`;
  return (
    ` · gates on ${f.requests} canary requests: ` +
    `5xx ${rate(f.errors5xx, f.requests)}, 403 ${rate(f.denied403, f.requests)}, p99 ${p99}`
  );
}

/** The change lines of an entry, plus its canary context and error. */
export function AuditChangeSummary({ event, nameOf }: { event: AuditEvent; nameOf: (arn: string) => string }) {
  return (
    <div className={styles.summary}>
      {event.changes.map((c) => (
        // An event changes each rule (or the default action) of its listener at most once.
        <div
          key={c.ruleArn ?? `${c.listenerArn} ${c.isDefault ? 'default' : (c.ruleName ?? 'new')}`}
          className={styles.changeLine}
        >
          <span className={styles.ruleName}>
            {c.isDefault ? 'default action' : (c.ruleName ?? c.ruleArn?.split('/').pop() ?? 'rule')}
          </span>
          : {text(c.before, nameOf, c.isDefault)}{' '}
          <span role="img" aria-label="changed to">
            →
          </span>{' '}
          {text(c.after, nameOf, c.isDefault)}
        </div>
      ))}
      {event.canary ? (
        <div className={styles.note}>
          canary {event.canary.planId}
          {event.canary.percent !== undefined ? ` at ${event.canary.percent} %` : ''}
          {event.canary.reason ? `: ${event.canary.reason}` : ''}
          {event.canary.figures ? gatesText(event.canary.figures.canary) : ''}
        </div>
      ) : null}
      {event.rollbackOf ? <div className={styles.note}>rollback of {event.rollbackOf}</div> : null}
      {event.override ? (
        <div className={styles.note} data-testid="audit-override">
          override of {ownerDescription(event.override.owner)}
          {event.override.basis === 'canaryPlan' ? ' (under the canary plan’s start override)' : ''}
        </div>
      ) : null}
      {event.error ? (
        <div className={styles.error}>
          {event.error.code}: {event.error.message}
        </div>
      ) : null}
    </div>
  );
}
