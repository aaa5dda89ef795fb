import { describe, expect, it } from 'vitest';
import { listenerLimits, PASSTHROUGH_REASON, refusalFor } from './listenerLimits';

const forward = { type: 'forward' as const, targetGroups: [{ targetGroupArn: 'tg', weight: 100 }] };

describe('listener limits', () => {
  it('allows rules and fixed responses on HTTP and HTTPS listeners', () => {
    for (const p of ['HTTP', 'HTTPS', undefined])
      expect(listenerLimits(p)).toEqual({ rules: true, fixedResponse: true });
    expect(refusalFor('HTTPS', 'createRule')).toBeUndefined();
    expect(refusalFor('HTTP', 'updateDefault', { type: 'fixedResponse', statusCode: 404 })).toBeUndefined();
  });

  it('allows only the default action on a TLS passthrough listener, and says why', () => {
    expect(listenerLimits('TLS_PASSTHROUGH')).toEqual({
      rules: false,
      fixedResponse: false,
      reason: PASSTHROUGH_REASON,
    });
    for (const kind of ['createRule', 'updateRule', 'batchUpdate'] as const)
      expect(refusalFor('TLS_PASSTHROUGH', kind)).toBe(PASSTHROUGH_REASON);
    expect(PASSTHROUGH_REASON).toContain('cannot match paths');
  });

  it('lets the default action of a passthrough listener forward, never answer with a fixed response', () => {
    expect(refusalFor('TLS_PASSTHROUGH', 'updateDefault', forward)).toBeUndefined();
    expect(refusalFor('TLS_PASSTHROUGH', 'updateDefault', { type: 'fixedResponse', statusCode: 404 })).toMatch(
      /can only forward/,
    );
    expect(refusalFor('TLS_PASSTHROUGH', 'deleteRule')).toBeUndefined();
  });
});
