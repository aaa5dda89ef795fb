'use client';
/**
 * Form of a new canary plan on the selected rule or default action: stable and canary target groups,
 * steps, bake time and gates. The preview shows the first step's weight change; starting writes it
 * (version-checked like any edit) and tags the plan.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { startCanaryPlan } from '@/lib/actions/routing';
import { DEFAULT_CANARY, validatePlan, type CanaryPlan, type CanaryTarget } from '@/lib/routing/canary/plan';
import type { RuleAction } from '@/lib/domain/routing';
import { targetGroupName, type TargetGroupView } from '@/lib/routing/view';
import { diffRule } from '@/lib/routing/ruleDiff';
import { canaryWeights } from '@/lib/domain/weights';
import { auditKeys } from '../audit/queryKeys';
import { useOwnerGate } from './OwnerGate';
import { PreviewDialog } from './PreviewDialog';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { noteListClass } from '../ui/Note';

interface Props {
  target: CanaryTarget;
  action: RuleAction | undefined;
  version: string;
  groups: TargetGroupView[];
  disabled: boolean;
  announce: (t: string) => void;
}

const parseSteps = (s: string) =>
  s
    .split(/[\s,→>]+/)
    .filter(Boolean)
    .map(Number);

/** The plan form and its preview. */
export function CanaryForm({ target, action, version, groups, disabled, announce }: Props) {
  const forward = action?.type === 'forward' ? action.targetGroups : [];
  const byWeight = [...forward].sort((a, b) => b.weight - a.weight);
  const idOf = (arn: string | undefined) => groups.find((g) => g.arn === arn)?.id ?? '';
  const [stable, setStable] = useState(idOf(byWeight[0]?.targetGroupArn));
  const [canary, setCanary] = useState(
    idOf(byWeight[1]?.targetGroupArn) || (groups.find((g) => g.id !== idOf(byWeight[0]?.targetGroupArn))?.id ?? ''),
  );
  const [steps, setSteps] = useState(DEFAULT_CANARY.steps.join(', '));
  const [bake, setBake] = useState(String(DEFAULT_CANARY.bakeSeconds));
  const [e5, setE5] = useState(String(DEFAULT_CANARY.gates.max5xxRate * 100));
  const [e403, setE403] = useState(String(DEFAULT_CANARY.gates.max403Rate * 100));
  const [p99, setP99] = useState(String(DEFAULT_CANARY.gates.maxP99Ms));
  const [min, setMin] = useState(String(DEFAULT_CANARY.gates.minRequests));
  const [preview, setPreview] = useState(false);
  const qc = useQueryClient();
  const plan: Omit<CanaryPlan, 'id'> = {
    stableTargetGroupId: stable,
    canaryTargetGroupId: canary,
    steps: parseSteps(steps),
    bakeSeconds: Number(bake),
    gates: {
      max5xxRate: Number(e5) / 100,
      max403Rate: Number(e403) / 100,
      maxP99Ms: Number(p99),
      minRequests: Number(min),
    },
  };
  const issues = validatePlan(plan);
  // A plan on a managed rule is refused unless the owner override is confirmed at its start.
  const gate = useOwnerGate(preview ? { target } : undefined);
  const mutation = useMutation({
    mutationFn: async () =>
      unwrap(await startCanaryPlan({ target, expectedVersion: version, plan, overrideOwner: gate.override })),
    onSuccess: async (r) => {
      setPreview(false);
      announce(`Canary plan ${r.plan.id} started at ${r.plan.steps[0]} %.`);
      await Promise.all([
        qc.invalidateQueries({ queryKey: routingKeys.all }),
        qc.invalidateQueries({ queryKey: auditKeys.all }),
      ]);
    },
  });
  const arnOf = (id: string) => groups.find((g) => g.id === id)?.arn ?? id;
  const first = canaryWeights(plan.steps[0] ?? 0);
  const after: RuleAction = {
    type: 'forward',
    targetGroups: [
      { targetGroupArn: arnOf(stable), weight: first.stable },
      { targetGroupArn: arnOf(canary), weight: first.canary },
    ],
  };
  const nameOf = (arn: string) => targetGroupName(groups, arn);
  const field = (id: string, label: string, value: string, set: (v: string) => void, unit?: string) => (
    <div className={styles.fieldRow}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={styles.weightInput}
        value={value}
        onChange={(e) => set(e.target.value)}
        inputMode="decimal"
      />
      {unit ? <span className={styles.muted}>{unit}</span> : null}
    </div>
  );
  const groupSelect = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div className={styles.fieldRow}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      className={styles.canaryForm}
      onSubmit={(e) => {
        e.preventDefault();
        mutation.reset();
        setPreview(true);
      }}
      data-testid="canary-form"
    >
      <fieldset className={styles.fieldset} disabled={disabled}>
        <legend>New canary plan</legend>
        {groupSelect('canary-stable', 'Stable', stable, setStable)}
        {groupSelect('canary-canary', 'Canary', canary, setCanary)}
        <div className={styles.fieldRow}>
          <label htmlFor="canary-steps">Steps</label>
          <input
            id="canary-steps"
            className={styles.textInput}
            value={steps}
            onChange={(e) => setSteps(e.target.value)}
            aria-describedby="canary-steps-hint"
          />
          <span id="canary-steps-hint" className={styles.muted}>
            % to the canary, ending at 100
          </span>
        </div>
        <div className={styles.gateGrid}>
          {field('canary-bake', 'Bake (s)', bake, setBake)}
          {field('canary-min', 'Min requests', min, setMin)}
          {field('canary-5xx', 'Max 5xx (%)', e5, setE5)}
          {field('canary-403', 'Max 403 (%)', e403, setE403)}
          {field('canary-p99', 'Max p99 (ms)', p99, setP99)}
        </div>
        {issues.length > 0 ? (
          <ul className={noteListClass('error')}>
            {issues.map((i) => (
              <li key={i.field + i.message}>{i.message}</li>
            ))}
          </ul>
        ) : null}
        <div className={styles.editorActions}>
          <button
            type="submit"
            className={buttonClass('primary')}
            disabled={disabled || issues.length > 0}
            data-testid="canary-preview"
          >
            Preview plan
          </button>
        </div>
      </fieldset>
      {preview ? (
        <PreviewDialog
          title={`Start canary: ${plan.steps.join(' → ')} % to ${nameOf(arnOf(canary))}`}
          confirmLabel="Start plan"
          diffs={[
            { label: 'first step', diff: diffRule(action ? { action } : undefined, { action: after }, nameOf, true) },
          ]}
          warnings={[]}
          pending={mutation.isPending}
          {...(mutation.error ? { error: errorInfoOf(mutation.error) } : {})}
          gate={gate}
          onConfirm={() => mutation.mutate()}
          onClose={() => setPreview(false)}
        >
          <p className={styles.muted}>
            Each step bakes {plan.bakeSeconds} s. It advances only if the canary has at least
            {` ${plan.gates.minRequests} `}
            requests with ≤ {e5} % 5xx, ≤ {e403} % 403 and p99 ≤ {plan.gates.maxP99Ms} ms; a failing gate aborts and
            returns all traffic to the stable target group; too little traffic pauses.
          </p>
        </PreviewDialog>
      ) : null}
    </form>
  );
}
