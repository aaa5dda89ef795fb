import { describe, expect, it } from 'vitest';
import { logsHref, routingHref } from './links';
import { DEMO } from './testing/fixtures';

describe('links', () => {
  it('opens the logs pre-filtered on the node and window, the ARN intact', () => {
    const href = logsHref({ kind: 'service', id: DEMO.paymentsApi }, '15m')!;
    const u = new URL(href, 'http://x');
    expect(u.pathname).toBe('/logs');
    expect(u.searchParams.get('service')).toBe(DEMO.paymentsApi);
    expect(u.searchParams.get('range')).toBe('15m');
    expect(new URL(logsHref({ kind: 'network', id: DEMO.mesh }, '1h')!, 'http://x').searchParams.get('network')).toBe(
      DEMO.mesh,
    );
    expect(
      new URL(logsHref({ kind: 'targetGroup', id: DEMO.v2 }, '5m')!, 'http://x').searchParams.get('targetGroup'),
    ).toBe(DEMO.v2);
    expect(logsHref({ kind: 'vpc', id: 'vpc:vpc-1' }, '15m')).toBeUndefined();
  });

  it('opens the routing editor of a service', () => {
    expect(new URL(routingHref(DEMO.paymentsApi), 'http://x').searchParams.get('service')).toBe(DEMO.paymentsApi);
  });
});
