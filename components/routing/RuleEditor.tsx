'use client';
/**
 * Editor of one rule, default action or new rule: priority, match and action with instant
 * validation (the API's limits), warnings, then preview → confirm → apply. If the rule changes under
 * the editor (another operator, a canary step), it says so and offers to load the current state.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { DeleteRuleChange } from '@/lib/routing/change';
import { targetGroupName, type ListenerView, type TargetGroupView } from '@/lib/routing/view';
import { listenerLimits } from '@/lib/routing/listenerLimits';
import { diffRule } from '@/lib/routing/ruleDiff';
import { ActionEditor } from './ActionEditor';
import { MatchEditor } from './MatchEditor';
import { useOwnerGate } from './OwnerGate';
import { PreviewDialog } from './PreviewDialog';
import { errorInfoOf } from './resultError';
import { useApplyChange, appliedText } from './useApply';
import { currentVersion, useRuleDraft, type EditTarget } from './useRuleDraft';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { noteClass, noteListClass } from '../ui/Note';

interface Props {
  serviceArn: string;
  listener: ListenerView;
  target: EditTarget;
  groups: TargetGroupView[];
  blockedReason?: string;
  announce: (text: string) => void;
  onCreated: (ruleArn: string) => void;
  onDeleted: () => void;
}

/** The editor panel. Mount it with a key per listener and rule. */
export function RuleEditor({
  serviceArn,
  listener,
  target,
  groups,
  blockedReason,
  announce,
  onCreated,
  onDeleted,
}: Props) {
  const d = useRuleDraft(listener, target, groups, serviceArn);
  const [preview, setPreview] = useState<'change' | 'delete' | undefined>();
  const justApplied = useRef(false);
  const nameOf = (arn: string) => targetGroupName(groups, arn);
  const label =
    target.kind === 'default'
      ? `default action of ${listener.name}`
      : target.kind === 'new'
        ? 'new rule'
        : `rule ${d.draft.name}`;
  const mutation = useApplyChange((r) => {
    justApplied.current = true;
    setPreview(undefined);
    announce(
      appliedText(`${preview === 'delete' ? 'Deleted' : target.kind === 'new' ? 'Created' : 'Updated'} ${label}`, r),
    );
    if (target.kind === 'new' && r.changes[0]?.ruleArn) onCreated(r.changes[0].ruleArn);
    if (preview === 'delete') onDeleted();
  });

  const latest = currentVersion(listener, target);
  const freshTarget = (): EditTarget =>
    target.kind === 'rule'
      ? { kind: 'rule', rule: listener.rules.find((r) => r.arn === target.rule.arn) ?? target.rule }
      : target;
  // After our own apply, the refetched state becomes the new base; someone else's change does not.
  // An untouched editor follows the rule (e.g. a canary step); edits in progress are never overwritten.
  // An effect event: it reads the draft as it is now, but only a new version (not an edit) runs it.
  const onVersion = useEffectEvent((version: string | undefined) => {
    if (version === undefined || version === d.base.version) return;
    if (justApplied.current || !d.dirty) {
      justApplied.current = false;
      d.reload(listener, freshTarget());
    }
  });
  useEffect(() => onVersion(latest), [latest]);
  const stale =
    target.kind !== 'new' &&
    latest !== undefined &&
    d.base.version !== undefined &&
    latest !== d.base.version &&
    !justApplied.current;
  const limits = listenerLimits(listener.protocol);
  // No rules on this listener (TLS passthrough): only its default action can be edited.
  const refused = target.kind !== 'default' ? limits.reason : undefined;
  const disabled = Boolean(blockedReason || refused);
  const invalid = new Set(d.issues.map((i) => i.field));
  const deleteChange: DeleteRuleChange | undefined =
    target.kind === 'rule'
      ? {
          kind: 'deleteRule',
          serviceArn,
          listenerArn: listener.arn,
          ruleArn: target.rule.arn,
          expectedVersion: d.base.version ?? '',
        }
      : undefined;
  // Who manages what the open preview would write, read fresh when it opens.
  const previewed = preview === 'change' ? d.change : preview === 'delete' ? deleteChange : undefined;
  const gate = useOwnerGate(previewed ? { change: previewed } : undefined);
  const reloadCurrent = () => {
    d.reload(listener, freshTarget());
    mutation.reset();
    setPreview(undefined);
  };

  return (
    <section className={styles.editor} aria-labelledby="editor-title" data-testid="rule-editor">
      <h2 id="editor-title">{target.kind === 'new' ? `New rule on ${listener.name}` : `Edit ${label}`}</h2>
      {blockedReason ? (
        <p className={noteClass('warn')} data-testid="blocked-reason">
          {blockedReason}
        </p>
      ) : null}
      {limits.reason ? (
        <p className={noteClass(refused ? 'warn' : 'info')} data-testid="listener-limit">
          {limits.reason}
        </p>
      ) : null}
      {stale ? (
        <div className={noteClass('warn')} role="status" data-testid="stale-note">
          This {target.kind === 'default' ? 'default action' : 'rule'} changed since you opened it.{' '}
          <button type="button" className={buttonClass('link')} onClick={reloadCurrent}>
            Load the current state
          </button>
        </div>
      ) : null}
      {target.kind === 'new' ? (
        <div className={styles.fieldRow}>
          <label htmlFor="rule-name">Name</label>
          <input
            id="rule-name"
            className={styles.textInput}
            aria-invalid={invalid.has('name') || undefined}
            value={d.draft.name}
            disabled={disabled}
            onChange={(e) => d.setDraft({ ...d.draft, name: e.target.value })}
          />
        </div>
      ) : null}
      {target.kind !== 'default' ? (
        <div className={styles.fieldRow}>
          <label htmlFor="rule-priority">Priority</label>
          <input
            id="rule-priority"
            type="number"
            className={styles.weightInput}
            aria-invalid={invalid.has('priority') || undefined}
            value={d.draft.priority ?? ''}
            disabled={disabled}
            onChange={(e) =>
              d.setDraft({ ...d.draft, priority: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          />
          {d.holder && target.kind === 'rule' ? (
            <label className={styles.inline}>
              <input
                type="checkbox"
                checked={d.swap}
                disabled={disabled}
                onChange={(e) => d.setSwap(e.target.checked)}
              />{' '}
              swap with {d.holder.name} (gets {d.base.content?.priority})
            </label>
          ) : null}
        </div>
      ) : null}
      {target.kind !== 'default' ? (
        <MatchEditor
          match={d.draft.match}
          disabled={disabled}
          onChange={(match) => d.setDraft({ ...d.draft, match })}
        />
      ) : null}
      <ActionEditor
        action={d.draft.action}
        groups={groups}
        locked={d.locked}
        disabled={disabled}
        invalid={invalid}
        fixedResponse={limits.fixedResponse}
        onChange={(action, locked) => {
          d.setDraft({ ...d.draft, action });
          d.setLocked(locked);
        }}
      />
      {d.issues.length > 0 ? (
        <ul className={noteListClass('error')} data-testid="validation-issues" aria-live="polite">
          {d.issues.map((i) => (
            <li key={`${i.field}:${i.message}`}>{i.message}</li>
          ))}
        </ul>
      ) : null}
      {d.warnings.length > 0 ? (
        <ul className={noteListClass('warn')} data-testid="validation-warnings">
          {d.warnings.map((w) => (
            <li key={w.message}>⚠ {w.message}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.editorActions}>
        <button
          type="button"
          className={buttonClass('primary')}
          disabled={disabled || !d.change || !d.changed}
          onClick={() => {
            mutation.reset();
            setPreview('change');
          }}
          data-testid="preview-change"
          title={blockedReason}
        >
          Preview change
        </button>
        <button type="button" className={buttonClass('secondary')} disabled={disabled} onClick={reloadCurrent}>
          Reset
        </button>
        {deleteChange ? (
          <button
            type="button"
            className={buttonClass('danger', 'md', styles.pushRight)}
            disabled={disabled}
            onClick={() => {
              mutation.reset();
              setPreview('delete');
            }}
          >
            Delete rule
          </button>
        ) : null}
      </div>
      {preview === 'change' && d.change ? (
        <PreviewDialog
          title={`Preview: ${label}`}
          diffs={d.diffs}
          warnings={d.warnings}
          pending={mutation.isPending}
          {...(mutation.error ? { error: errorInfoOf(mutation.error) } : {})}
          gate={gate}
          onConfirm={() => d.change && mutation.mutate({ change: d.change, overrideOwner: gate.override })}
          onClose={() => setPreview(undefined)}
        >
          {mutation.error && errorInfoOf(mutation.error).code === 'CONFLICT' ? (
            <button
              type="button"
              className={buttonClass('secondary')}
              onClick={reloadCurrent}
              data-testid="load-current"
            >
              Load the current state into the editor
            </button>
          ) : null}
        </PreviewDialog>
      ) : null}
      {preview === 'delete' && deleteChange ? (
        <PreviewDialog
          title={`Delete ${label}?`}
          confirmLabel="Delete rule"
          diffs={[{ label, diff: diffRule(d.base.content, undefined, nameOf) }]}
          warnings={[]}
          pending={mutation.isPending}
          {...(mutation.error ? { error: errorInfoOf(mutation.error) } : {})}
          gate={gate}
          onConfirm={() => mutation.mutate({ change: deleteChange, overrideOwner: gate.override })}
          onClose={() => setPreview(undefined)}
        />
      ) : null}
    </section>
  );
}
