/**
 * Test-side twin of the tokens an Application Load Balancer puts in `x-amzn-oidc-data`: a JWS with
 * an ES256 signature whose three parts are base64url WITH `=` padding (as the ALB sends them, unlike
 * RFC 7515), header `{alg, kid, signer, iss, client, exp}`. Used by unit tests and the e2e key server.
 */
import { webcrypto } from 'node:crypto';

/** base64url with `=` padding, the ALB's encoding. */
export function paddedBase64url(bytes: Uint8Array | string): string {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return buf.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Header fields of an ALB token; extra or overriding fields are allowed (to forge bad ones). */
export type AlbHeader = Record<string, unknown> & { alg?: string; kid?: string; signer?: string };

/** Signs `claims` the way the ALB does. `header` overrides the defaults (alg ES256). */
export async function signAlbToken(
  privateKey: webcrypto.CryptoKey,
  header: AlbHeader,
  claims: Record<string, unknown>,
): Promise<string> {
  const h = paddedBase64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', ...header }));
  const p = paddedBase64url(JSON.stringify(claims));
  const sig = await webcrypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    privateKey,
    new TextEncoder().encode(`${h}.${p}`),
  );
  return `${h}.${p}.${paddedBase64url(new Uint8Array(sig))}`;
}

/** An unsigned token with `alg: none` (must always be refused). */
export function unsignedToken(header: AlbHeader, claims: Record<string, unknown>): string {
  return `${paddedBase64url(JSON.stringify({ ...header, alg: 'none' }))}.${paddedBase64url(JSON.stringify(claims))}.`;
}

/** A fresh P-256 key pair and its public key as PEM (what the ALB key endpoint serves). */
export async function newAlbKeyPair(): Promise<{ privateKey: webcrypto.CryptoKey; publicPem: string }> {
  const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as webcrypto.CryptoKeyPair;
  const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const lines = spki.match(/.{1,64}/g) ?? [];
  return {
    privateKey: pair.privateKey,
    publicPem: `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`,
  };
}
