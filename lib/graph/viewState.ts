/**
 * The topology view's state in the URL, so a link pasted into an incident channel opens the same
 * view: filters, selection, expanded target groups, traffic window and whether refresh is paused.
 *   ?q=payments&account=222222222222&network=<arn>&health=error,warn&auth=AWS_IAM&errors=1&owner=eks&hide=1
 *   &sel=<arn>&expand=<tgArn>&range=15m&paused=1
 * Parsing never throws: unknown or malformed values are dropped. Pure.
 */
import { DEFAULT_WINDOW, TRAFFIC_WINDOWS, type TrafficWindow } from './traffic';
import { OWNER_KINDS } from '../domain/owner';
import { EMPTY_FILTER, type GraphFilter } from './filter';
import type { Health } from './types';
import type { AuthType } from '../domain/snapshot';

/** Everything the URL holds. */
export interface ViewState {
  filter: GraphFilter;
  /** Selected node id (an ARN, `vpc:…` or a target id). */
  selected?: string;
  /** Expanded target group ARNs, sorted. */
  expanded: string[];
  window: TrafficWindow;
  /** Traffic refresh paused. */
  paused: boolean;
}

/** The default view. */
export const DEFAULT_VIEW: ViewState = { filter: EMPTY_FILTER, expanded: [], window: DEFAULT_WINDOW, paused: false };

const HEALTH: readonly Health[] = ['error', 'warn', 'ok', 'unknown'];
const AUTH: readonly AuthType[] = ['AWS_IAM', 'NONE'];
const ACCOUNT = /^\d{12}$/;
const MAX_VALUE = 2048;
const MAX_LIST = 50;

type Params = Pick<URLSearchParams, 'get' | 'getAll'>;

function list(p: Params, name: string): string[] {
  const values = p
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '' && v.length <= MAX_VALUE);
  return [...new Set(values)].slice(0, MAX_LIST);
}

function oneOf<T extends string>(values: string[], allowed: readonly T[]): T[] {
  return allowed.filter((a) => values.includes(a));
}

/** Reads the view from query parameters. */
export function parseViewState(p: Params): ViewState {
  const range = p.get('range');
  // `select` and `node` are accepted too (deep links written by hand or by the triage engine).
  const sel = (p.get('sel') ?? p.get('select') ?? p.get('node'))?.trim();
  const filter: GraphFilter = {
    q: (p.get('q') ?? '').slice(0, 200),
    accounts: list(p, 'account')
      .filter((a) => ACCOUNT.test(a))
      .sort(),
    networks: list(p, 'network')
      .filter((a) => a.startsWith('arn:'))
      .sort(),
    health: oneOf(list(p, 'health'), HEALTH),
    auth: oneOf(list(p, 'auth'), AUTH),
    errors: p.get('errors') === '1',
    ...ownersParam(p),
    mode: p.get('hide') === '1' ? 'hide' : 'dim',
  };
  return {
    filter,
    ...(sel && sel.length <= MAX_VALUE ? { selected: sel } : {}),
    expanded: list(p, 'expand')
      .filter((a) => a.startsWith('arn:'))
      .sort(),
    window: range && range in TRAFFIC_WINDOWS ? (range as TrafficWindow) : DEFAULT_WINDOW,
    paused: p.get('paused') === '1',
  };
}

/** `owner=eks,cloudformation,none` (unknown values dropped); nothing when absent. */
function ownersParam(p: Params): Pick<GraphFilter, 'owners'> {
  const owners = oneOf(list(p, 'owner'), OWNER_KINDS);
  return owners.length > 0 ? { owners } : {};
}

/** Writes the view as query parameters; defaults are left out so URLs stay short. */
export function toSearchParams(v: ViewState): URLSearchParams {
  const p = new URLSearchParams();
  const f = v.filter;
  if (f.q.trim()) p.set('q', f.q);
  for (const a of f.accounts) p.append('account', a);
  for (const n of f.networks) p.append('network', n);
  if (f.health.length) p.set('health', f.health.join(','));
  if (f.auth.length) p.set('auth', f.auth.join(','));
  if (f.errors) p.set('errors', '1');
  if (f.owners?.length) p.set('owner', f.owners.join(','));
  if (f.mode === 'hide') p.set('hide', '1');
  if (v.selected) p.set('sel', v.selected);
  for (const e of v.expanded) p.append('expand', e);
  if (v.window !== DEFAULT_WINDOW) p.set('range', v.window);
  if (v.paused) p.set('paused', '1');
  return p;
}

/** The `/topology` URL of a view. */
export function topologyHref(v: ViewState): string {
  const qs = toSearchParams(v).toString();
  return qs ? `/topology?${qs}` : '/topology';
}
