/** One line per rule of an audit entry: what it did before → after. */
import type { AuditEvent } from '@/lib/audit/event';
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

/** The change lines of an entry, plus its canary context and error. */
export function AuditChangeSummary({ event, nameOf }: { event: AuditEvent; nameOf: (arn: string) => string }) {
  return (
    <div className={styles.summary}>
      {event.changes.map((c, i) => (
        <div key={i} className={styles.changeLine}>
          <span className={styles.ruleName}>
            {c.isDefault ? 'default action' : (c.ruleName ?? c.ruleArn?.split('/').pop() ?? 'rule')}
          </span>
          : {text(c.before, nameOf, c.isDefault)} <span aria-label="changed to">→</span>{' '}
          {text(c.after, nameOf, c.isDefault)}
        </div>
      ))}
      {event.canary ? (
        <div className={styles.note}>
          canary {event.canary.planId}
          {event.canary.percent !== undefined ? ` at ${event.canary.percent} %` : ''}
          {event.canary.reason ? `: ${event.canary.reason}` : ''}
          {event.canary.figures
            ? ` · gates on ${event.canary.figures.canary.requests} canary requests: 5xx ${rate(event.canary.figures.canary.errors5xx, event.canary.figures.canary.requests)}, 403 ${rate(event.canary.figures.canary.denied403, event.canary.figures.canary.requests)}, p99 ${event.canary.figures.canary.p99Ms === null ? '–' : `${Math.round(event.canary.figures.canary.p99Ms)} ms`}`
            : ''}
        </div>
      ) : null}
      {event.rollbackOf ? <div className={styles.note}>rollback of {event.rollbackOf}</div> : null}
      {event.error ? (
        <div className={styles.error}>
          {event.error.code}: {event.error.message}
        </div>
      ) : null}
    </div>
  );
}
