import { describe, expect, it } from 'vitest';
import type { NextConfig } from 'next';
import { applySecurityHeaders, contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from './headers';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name ?? '', values]),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only by nonce and strict-dynamic, never inline or eval in production', () => {
    const d = directives(contentSecurityPolicy('abc123'));
    expect(d.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(contentSecurityPolicy('n')).not.toMatch(/unsafe-eval/);
    expect(contentSecurityPolicy('n', { dev: true })).toMatch(/script-src [^;]*'unsafe-eval'/);
  });

  it('uses a fresh, unguessable nonce each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it('sets every header on a response', () => {
    const h = new Headers();
    applySecurityHeaders(h, 'default-src x');
    expect(h.get('content-security-policy')).toBe('default-src x');
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('DENY');
  });
});

describe('next.config.js headers', () => {
  it('sets the same static security headers on every path', async () => {
    // A JS file: imported by a computed specifier so TypeScript does not look for its types.
    const path: string = '../../next.config.js';
    const { default: nextConfig } = (await import(path)) as { default: NextConfig };
    const rules = await nextConfig.headers?.();
    expect(rules).toEqual([
      { source: '/:path*', headers: STATIC_SECURITY_HEADERS.map(([key, value]) => ({ key, value })) },
    ]);
  });
});
