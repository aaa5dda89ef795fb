'use client';
/**
 * The canary plan of the selected rule or default action: while it runs, each step with its verdict,
 * the live canary-vs-stable figures and gate verdicts of the current window, the next action and
 * when; pause, resume, promote, abort. The plan runs on the server; this panel only polls.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { commandCanaryPlan, getCanaryStatus } from '@/lib/actions/routing';
import { isActive, type CanaryCommand, type CanaryTarget } from '@/lib/routing/canary/plan';
import type { ListenerView, TargetGroupView } from '@/lib/routing/view';
import { auditKeys } from '../audit/queryKeys';
import { CanaryFigures } from './CanaryFigures';
import { CanaryForm } from './CanaryForm';
import { ErrorNote } from './ErrorNote';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import type { EditTarget } from './useRuleDraft';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';

interface Props {
  serviceArn: string;
  listener: ListenerView;
  target: EditTarget;
  groups: TargetGroupView[];
  blockedReason?: string;
  announce: (t: string) => void;
}

const COMMANDS: Array<{ command: CanaryCommand; label: string; when: (s: string) => boolean; danger?: boolean }> = [
  { command: 'pause', label: 'Pause', when: (s) => s === 'baking' },
  { command: 'resume', label: 'Resume', when: (s) => s === 'paused' },
  { command: 'promote', label: 'Promote to 100 %', when: (s) => s === 'baking' || s === 'paused' },
  { command: 'abort', label: 'Abort (all to stable)', when: (s) => s === 'baking' || s === 'paused', danger: true },
];

/** The panel (not for new rules). */
export function CanaryPanel({ serviceArn, listener, target, groups, blockedReason, announce }: Props) {
  const t: CanaryTarget = {
    serviceArn,
    listenerArn: listener.arn,
    ...(target.kind === 'rule' ? { ruleArn: target.rule.arn } : {}),
  };
  const key = routingKeys.canary(t.ruleArn ?? t.listenerArn);
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: key,
    queryFn: async () => unwrap(await getCanaryStatus({ target: t })),
    refetchInterval: (query) => (query.state.data?.state && isActive(query.state.data.state) ? 5_000 : false),
  });
  const command = useMutation({
    mutationFn: async (c: CanaryCommand) =>
      unwrap(await commandCanaryPlan({ target: t, planId: q.data?.plan?.id ?? '', command: c })),
    onSuccess: async (s, c) => {
      announce(`Canary plan ${s.planId}: ${c} done (${s.status}).`);
      await Promise.all([
        qc.invalidateQueries({ queryKey: routingKeys.all }),
        qc.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
  // The runner moves weights on the server: when the plan's state advances, re-read the rules and history.
  const seq = q.data?.state ? `${q.data.state.planId}:${q.data.state.seq}` : undefined;
  const seen = useRef(seq);
  useEffect(() => {
    if (seq === seen.current) return;
    seen.current = seq;
    void qc.invalidateQueries({ queryKey: routingKeys.service(serviceArn) });
    void qc.invalidateQueries({ queryKey: routingKeys.history(t.ruleArn ?? t.listenerArn) });
  }, [seq, qc, serviceArn, t.ruleArn, t.listenerArn]);
  const rule = target.kind === 'rule' ? listener.rules.find((r) => r.arn === target.rule.arn) : undefined;
  const action = target.kind === 'rule' ? rule?.action : listener.defaultAction;
  const version = target.kind === 'rule' ? (rule?.version ?? '') : listener.defaultVersion;
  const data = q.data;
  const active = data?.state && isActive(data.state);
  const nameOf = (arn: string | undefined) => groups.find((g) => g.arn === arn)?.name ?? arn?.split('/').pop() ?? '?';

  return (
    <section className={styles.canary} aria-labelledby="canary-title" data-testid="canary-panel">
      <h2 id="canary-title">Canary shift</h2>
      {q.isPending ? <p className={styles.muted}>Reading the plan tags…</p> : null}
      {q.isError ? <ErrorNote error={errorInfoOf(q.error)} title="The canary plan could not be read" /> : null}
      {data?.plan && data.state ? (
        <div data-testid="canary-status" data-status={data.state.status}>
          <p>
            Plan <code>{data.plan.id}</code>: {nameOf(data.stableArn)} → {nameOf(data.canaryArn)} ·{' '}
            <strong className={styles[`canary_${data.state.status}`]}>{data.state.status}</strong>
            {data.state.reason ? <span className={styles.muted}> — {data.state.reason}</span> : null}
          </p>
          <CanaryFigures view={data} nameOf={nameOf} />
          {data.next ? (
            <p className={styles.next} data-testid="canary-next">
              Next: {data.next.text}
              {data.next.at ? ` (${new Date(data.next.at).toLocaleTimeString()})` : ''}
            </p>
          ) : null}
          {active ? (
            <div className={styles.editorActions}>
              {COMMANDS.filter((c) => c.when(data.state!.status)).map((c) => (
                <button
                  key={c.command}
                  type="button"
                  className={c.danger ? buttonClass('danger', 'md', styles.pushRight) : buttonClass('secondary')}
                  disabled={Boolean(blockedReason) || command.isPending}
                  title={blockedReason}
                  onClick={() => command.mutate(c.command)}
                >
                  {c.label}
                </button>
              ))}
            </div>
          ) : null}
          {command.error ? (
            <ErrorNote error={errorInfoOf(command.error)} title="The command was not carried out" />
          ) : null}
        </div>
      ) : null}
      {q.isSuccess && !active ? (
        open ? (
          <CanaryForm
            target={t}
            action={action}
            version={version}
            groups={groups}
            disabled={Boolean(blockedReason)}
            announce={(s) => {
              setOpen(false);
              announce(s);
            }}
          />
        ) : (
          <button
            type="button"
            className={buttonClass('secondary', 'sm')}
            onClick={() => setOpen(true)}
            disabled={Boolean(blockedReason) || action?.type !== 'forward'}
            title={blockedReason ?? (action?.type !== 'forward' ? 'A canary plan needs a forward action.' : undefined)}
            data-testid="canary-new"
          >
            Plan a canary shift…
          </button>
        )
      ) : null}
    </section>
  );
}
