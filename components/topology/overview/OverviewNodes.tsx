'use client';

/**
 * The overview's boxes: an account (name, health, what it owns rolled up) and a tile per network (or per
 * account's services in no network). Semantic zoom inside a tile: at the fit zoom it shows counts and a
 * health bar; zoomed in past `NAMES_ZOOM` it names its worst services, each a button that opens it.
 */
import { type Node, type NodeProps, useStore } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import type { OverviewAccount, OverviewTile, RollUp } from '@/lib/graph/overview';
import type { Health } from '@/lib/graph/types';
import { buttonClass } from '../../ui/Button';
import styles from './overview.module.css';

/** At this zoom and closer, tiles name their worst services (their counts are still read at the fit zoom). */
export const NAMES_ZOOM = 1.3;

/** What the boxes can ask of the page. */
export interface OverviewActions {
  expand(networkArn: string): void;
  open(nodeId: string): void;
}

export const OverviewActionsContext = createContext<OverviewActions>({ expand: () => {}, open: () => {} });

export type AccountBoxNode = Node<{ account: OverviewAccount; width: number; height: number }, 'ovAccount'>;
export type TileNode = Node<{ tile: OverviewTile; width: number; height: number }, 'ovTile'>;
export type OverviewNode = AccountBoxNode | TileNode;

const WORDS: Record<Health, string> = { error: 'failing', warn: 'degraded', ok: 'healthy', unknown: 'unknown' };
const ORDER: readonly Health[] = ['error', 'warn', 'ok', 'unknown'];

/** `3 failing · 5 degraded · 240 healthy`, leaving out zeros. */
export function healthWords(r: RollUp): string {
  const parts = ORDER.filter((h) => r.health[h] > 0).map((h) => `${r.health[h]} ${WORDS[h]}`);
  return parts.length ? parts.join(' · ') : 'no services';
}

const NOT_CONFIGURED = ' (account not configured: seen in shared networks)';

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** `120 services owned · 65 failing · …` (and why an account without configuration is here). */
const ownedWords = (a: OverviewAccount) =>
  `${plural(a.rollup.services, 'service')} owned${a.group.configured ? '' : NOT_CONFIGURED} · ${healthWords(a.rollup)}`;

function trafficWords(r: RollUp): string {
  const findings = r.findings ? `${plural(r.findings, 'finding')} · ` : 'no findings · ';
  return `${findings}${r.requests.toLocaleString('en-US')} req · ${r.c5xx.toLocaleString('en-US')} 5xx`;
}

export const AccountBox = memo(function AccountBox({ data }: NodeProps<AccountBoxNode>) {
  const a = data.account;
  const g = a.group;
  return (
    <section
      className={`${styles.account} ${g.reachable ? '' : styles.accountUnreachable}`}
      style={{ width: data.width, height: data.height }}
      data-testid="overview-account"
      data-account={g.accountId}
      data-health={a.health}
      aria-label={`Account ${g.name}: ${WORDS[a.health]}`}
    >
      <div className={styles.accountTitle}>
        <i className={styles.dot} data-health={a.health} title={WORDS[a.health]} />
        <strong data-testid="overview-label">{g.name}</strong>
        <span className={styles.accountId}>{g.accountId}</span>
      </div>
      <div className={styles.accountCounts} data-testid="overview-rollup">
        {g.reachable
          ? ownedWords(a)
          : `unreachable: ${g.error?.awsCode ? `${g.error.awsCode}: ` : ''}${g.error?.message ?? ''}`}
      </div>
      {g.reachable && a.tiles.length === 0 ? <p className={styles.muted}>No service network owned here.</p> : null}
    </section>
  );
});

function HealthBar({ r }: { r: RollUp }) {
  return (
    <div className={styles.bar} aria-hidden="true">
      {ORDER.map((h) => (r.health[h] > 0 ? <i key={h} data-health={h} style={{ flex: r.health[h] }} /> : null))}
    </div>
  );
}

export const Tile = memo(function Tile({ data }: NodeProps<TileNode>) {
  const t = data.tile;
  const named = useStore((s) => s.transform[2] >= NAMES_ZOOM);
  const actions = useContext(OverviewActionsContext);
  return (
    <div
      className={styles.tile}
      style={{ width: data.width, height: data.height }}
      data-testid="overview-tile"
      data-id={t.id}
      data-kind={t.kind}
      data-health={t.health}
    >
      <div className={styles.tileTitle}>
        <i className={styles.dot} data-health={t.health} title={WORDS[t.health]} />
        <span data-testid="overview-label" title={t.label}>
          {t.label}
        </span>
      </div>
      <div className={styles.muted}>
        {plural(t.rollup.services, 'service')}
        {t.kind === 'network' ? ` · ${plural(t.vpcs, 'VPC')}` : ''}
      </div>
      {named ? (
        <ul className={styles.services} aria-label={`Worst services of ${t.label}`}>
          {t.top.map((s) => (
            <li key={s.id}>
              <button type="button" className="nodrag nopan" data-id={s.id} onClick={() => actions.open(s.id)}>
                <i className={styles.dot} data-health={s.health} />
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <HealthBar r={t.rollup} />
          <div className={styles.wrap} data-testid="overview-rollup">
            {healthWords(t.rollup)}
          </div>
          <div className={styles.muted}>{trafficWords(t.rollup)}</div>
        </>
      )}
      {t.kind === 'network' ? (
        <button
          type="button"
          className={`${buttonClass('secondary', 'xs', styles.expand)} nodrag nopan`}
          onClick={() => actions.expand(t.id)}
          aria-label={`Expand network ${t.label}`}
          data-testid="overview-expand"
        >
          Expand ▸
        </button>
      ) : null}
    </div>
  );
});

export const overviewNodeTypes = { ovAccount: AccountBox, ovTile: Tile };
