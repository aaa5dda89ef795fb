import { describe, expect, it } from 'vitest';
import { DEMO } from './testing/fixtures';
import { DEFAULT_VIEW, parseViewState, toSearchParams, topologyHref, type ViewState } from './viewState';

const view: ViewState = {
  filter: {
    q: 'payments api',
    accounts: ['222222222222', '333333333333'],
    networks: [DEMO.mesh],
    health: ['error', 'warn'],
    auth: ['AWS_IAM'],
    errors: true,
    owners: ['eks', 'none'],
    mode: 'hide',
  },
  selected: DEMO.paymentsApi,
  expanded: [DEMO.ledgerTg, DEMO.v1].sort(),
  window: '1h',
  paused: true,
};

describe('view state in the URL', () => {
  it('round-trips every field', () => {
    expect(parseViewState(new URLSearchParams(toSearchParams(view).toString()))).toEqual(view);
  });

  it('writes nothing for the default view', () => {
    expect(topologyHref(DEFAULT_VIEW)).toBe('/topology');
    expect(parseViewState(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
  });

  it('keeps ARNs readable and intact', () => {
    const p = toSearchParams({ ...DEFAULT_VIEW, selected: DEMO.paymentsApi });
    expect(new URLSearchParams(p.toString()).get('sel')).toBe(DEMO.paymentsApi);
  });

  it('reads `select` as the selection too (deep links), `sel` first', () => {
    expect(parseViewState(new URLSearchParams({ select: DEMO.v2 })).selected).toBe(DEMO.v2);
    expect(parseViewState(new URLSearchParams({ sel: DEMO.v1, select: DEMO.v2 })).selected).toBe(DEMO.v1);
    expect(parseViewState(new URLSearchParams({ node: DEMO.paymentsApi })).selected).toBe(DEMO.paymentsApi);
  });

  it('drops malformed values instead of failing', () => {
    const v = parseViewState(
      new URLSearchParams(
        'account=12&account=222222222222&health=purple,error&auth=root&range=7y&network=sn-1&expand=tg-1&errors=yes' +
          '&owner=terraform,cloudformation',
      ),
    );
    expect(v.filter.owners).toEqual(['cloudformation']);
    expect(v.filter.accounts).toEqual(['222222222222']);
    expect(v.filter.health).toEqual(['error']);
    expect(v.filter.auth).toEqual([]);
    expect(v.filter.networks).toEqual([]);
    expect(v.expanded).toEqual([]);
    expect(v.window).toBe('15m');
    expect(v.filter.errors).toBe(false);
  });

  it('accepts comma lists and repeated parameters alike', () => {
    expect(parseViewState(new URLSearchParams('account=222222222222,333333333333')).filter.accounts).toEqual(
      parseViewState(new URLSearchParams('account=333333333333&account=222222222222')).filter.accounts,
    );
  });
});
