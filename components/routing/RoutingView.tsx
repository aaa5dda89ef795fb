'use client';
/**
 * The routing page: every service's splits until one is picked (RoutingOverview); then a service's
 * listeners and rules (read fresh from the Lattice API),
 * select a rule to edit it, preview and apply; its history and canary plan below the editor. The
 * selection is in the URL. Results are announced in one aria-live region.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getServiceRouting } from '@/lib/actions/routing';
import { serviceOwnerNote } from '@/lib/routing/ownerWarning';
import { targetGroupName } from '@/lib/routing/view';
import { OwnerBadge } from '../ui/OwnerBadge';
import { EmptyState } from '../ui/EmptyState';
import { Skeleton } from '../ui/Skeleton';
import { CanaryPanel } from './CanaryPanel';
import { ErrorNote } from './ErrorNote';
import { ListenerRules } from './ListenerRules';
import { routingKeys } from './queryKeys';
import { errorInfoOf, unwrap } from './resultError';
import { RuleEditor } from './RuleEditor';
import { RoutingOverview } from './RoutingOverview';
import { RuleHistory } from './RuleHistory';
import { ServicePicker } from './ServicePicker';
import type { EditTarget } from './useRuleDraft';
import { useRoutingSelection } from './useRoutingSelection';
import styles from './routing.module.css';
import { buttonClass } from '../ui/Button';
import { noteClass } from '../ui/Note';

/** The whole routing view. `blockedReason`: why this user may not change anything. */
export function RoutingView({ blockedReason }: { blockedReason?: string }) {
  const [sel, setSel] = useRoutingSelection();
  const [announcement, setAnnouncement] = useState('');
  const q = useQuery({
    queryKey: routingKeys.service(sel.serviceArn ?? ''),
    queryFn: async () => unwrap(await getServiceRouting({ serviceArn: sel.serviceArn! })),
    enabled: Boolean(sel.serviceArn),
  });
  const data = q.data;
  const listener =
    data?.listeners.find((l) => l.arn === sel.listenerArn) ??
    (sel.rule ? data?.listeners.find((l) => l.rules.some((r) => r.arn === sel.rule)) : undefined) ??
    data?.listeners[0];
  const rule =
    sel.rule && sel.rule !== 'default' && sel.rule !== 'new'
      ? listener?.rules.find((r) => r.arn === sel.rule)
      : undefined;
  const target: EditTarget | undefined =
    sel.rule === 'default'
      ? { kind: 'default' }
      : sel.rule === 'new'
        ? { kind: 'new' }
        : rule
          ? { kind: 'rule', rule }
          : undefined;
  const nameOf = (arn: string) => targetGroupName(data?.targetGroups ?? [], arn);
  const select = (listenerArn: string, r?: string) =>
    setSel({ ...(sel.serviceArn ? { serviceArn: sel.serviceArn } : {}), listenerArn, ...(r ? { rule: r } : {}) });

  return (
    <div className={styles.view}>
      <div className={styles.toolbar}>
        <ServicePicker
          {...(sel.serviceArn ? { value: sel.serviceArn } : {})}
          onChange={(serviceArn) => setSel({ serviceArn })}
        />
        {data ? (
          <p className={styles.muted} data-testid="service-meta">
            {data.service.name} · {data.service.accountName ?? data.service.accountId} ({data.service.accountId})
            {` · ${data.service.region} · read `}
            {new Date(data.readAt).toLocaleTimeString()}{' '}
            <button
              type="button"
              className={buttonClass('link')}
              onClick={() => void q.refetch()}
              disabled={q.isFetching}
            >
              {q.isFetching ? 'refreshing…' : 'refresh'}
            </button>
          </p>
        ) : null}
        {data?.service.owner ? (
          <p className={noteClass('warn')} data-testid="service-owner" data-owner={data.service.owner.kind}>
            <OwnerBadge owner={data.service.owner} /> {serviceOwnerNote(data.service.owner)}
          </p>
        ) : null}
      </div>
      <div aria-live="polite" role="status" className={noteClass('info', styles.announce)} data-testid="announcement">
        {announcement}
      </div>
      {!sel.serviceArn ? (
        <RoutingOverview />
      ) : q.isPending ? (
        <Skeleton lines={6} label="Reading listeners and rules" />
      ) : q.isError ? (
        <ErrorNote
          error={errorInfoOf(q.error)}
          title="This service's routing could not be read"
          testId="routing-error"
        />
      ) : data ? (
        <div className={styles.columns}>
          <div className={styles.rulesColumn}>
            {data.problems.length > 0 ? (
              <details className={styles.problems}>
                <summary>{data.problems.length} part(s) could not be read</summary>
                {data.problems.map((p) => (
                  <ErrorNote
                    key={`${p.accountId} ${p.region} ${p.operation} ${p.resourceArn}`}
                    error={p.error}
                    title={`${p.operation} ${p.resourceArn?.split('/').pop() ?? ''}`}
                  />
                ))}
              </details>
            ) : null}
            {data.listeners.length === 0 ? <EmptyState title="This service has no listener" /> : null}
            {data.listeners.map((l) => (
              <ListenerRules
                key={l.arn}
                listener={l}
                groups={data.targetGroups}
                {...(l.arn === listener?.arn && sel.rule ? { selected: sel.rule } : {})}
                onSelect={(r) => select(l.arn, r)}
                canAdd={!blockedReason}
              />
            ))}
          </div>
          <div className={styles.editorColumn}>
            {listener && target ? (
              <>
                <RuleEditor
                  key={`${listener.arn}|${sel.rule}`}
                  serviceArn={data.service.arn}
                  listener={listener}
                  target={target}
                  groups={data.targetGroups}
                  {...(blockedReason ? { blockedReason } : {})}
                  announce={setAnnouncement}
                  onCreated={(arn) => select(listener.arn, arn)}
                  onDeleted={() => select(listener.arn)}
                />
                {target.kind !== 'new' ? (
                  <>
                    <CanaryPanel
                      key={`canary|${listener.arn}|${sel.rule}`}
                      serviceArn={data.service.arn}
                      listener={listener}
                      target={target}
                      groups={data.targetGroups}
                      {...(blockedReason ? { blockedReason } : {})}
                      announce={setAnnouncement}
                    />
                    <RuleHistory
                      resourceArn={target.kind === 'rule' ? target.rule.arn : listener.arn}
                      defaultOnly={target.kind === 'default'}
                      nameOf={nameOf}
                      {...(blockedReason ? { blockedReason } : {})}
                      announce={setAnnouncement}
                    />
                  </>
                ) : null}
              </>
            ) : (
              <EmptyState title="Select a rule">
                <p>Pick a rule or a default action on the left to edit it, run a canary shift, or see its history.</p>
              </EmptyState>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}
