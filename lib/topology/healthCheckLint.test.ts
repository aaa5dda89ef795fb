import { describe, expect, it } from 'vitest';
import { lintHealthCheck, type HealthCheckView } from './healthCheckLint';

const ARN = 'arn:aws:vpc-lattice:us-east-1:222222222222:targetgroup/tg-0123456789abcdefg';
const http = (over: Partial<HealthCheckView> = {}): HealthCheckView => ({
  arn: ARN,
  type: 'IP',
  protocol: 'HTTP',
  protocolVersion: 'HTTP1',
  healthCheck: { enabled: true, path: '/healthz', matcher: '200' },
  ...over,
});
const ids = (v: HealthCheckView) => lintHealthCheck(v).map((n) => n.id);

describe('health-check lint', () => {
  it('says nothing about a dedicated path on an HTTP group', () => {
    expect(lintHealthCheck(http())).toEqual([]);
  });

  it('notes the default path / on HTTP and HTTPS groups, also when the path is left out', () => {
    expect(ids(http({ healthCheck: { enabled: true, path: '/' } }))).toEqual(['default-path']);
    expect(ids(http({ protocol: 'HTTPS', healthCheck: { enabled: true } }))).toEqual(['default-path']);
    expect(lintHealthCheck(http({ healthCheck: { path: '/' } }))[0]?.reason).toMatch(/\/healthz/);
  });

  it('does not note the path of a TCP group or of disabled checks', () => {
    expect(ids(http({ protocol: 'TCP', healthCheck: { enabled: true } }))).toEqual([]);
    expect(ids(http({ healthCheck: { enabled: false, path: '/' } }))).toEqual([]);
  });

  it('notes checks turned off on an HTTP2 group, with why it matters', () => {
    const notes = lintHealthCheck(http({ protocolVersion: 'HTTP2', healthCheck: { enabled: false } }));
    expect(notes.map((n) => n.id)).toEqual(['http2-off']);
    expect(notes[0]?.reason).toMatch(/every registered target/);
    expect(ids(http({ protocolVersion: 'HTTP2' }))).toEqual([]);
  });

  it('notes that LAMBDA and ALB groups are not checked, and nothing else', () => {
    for (const type of ['LAMBDA', 'ALB']) {
      const notes = lintHealthCheck({ arn: ARN, type, protocol: 'HTTPS' });
      expect(notes.map((n) => n.id)).toEqual(['not-checked']);
      expect(notes[0]?.title).toContain(type);
      expect(notes[0]?.reason).toMatch(/UNAVAILABLE/);
    }
  });
});
