/**
 * A stand-in for the ALB public-key endpoint (`https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`)
 * on 127.0.0.1, plus a signing endpoint so that tests in other processes can get tokens:
 *   GET  /<kid>          → the PEM public key (404 for an unknown kid)
 *   POST /_test/sign     {claims, header?, ttlSec?} → {token}; header overrides (kid, signer, exp...)
 *   GET  /_test/stats    → {keyFetches}
 * Test support only: the console never imports it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { newAlbKeyPair, signAlbToken, type AlbHeader } from './albToken';

/** A running key server. */
export interface AlbKeyServer {
  /** Base URL, the value of TRELLIS_ALB_KEYS_URL. */
  url: string;
  kid: string;
  albArn: string;
  /** Signs claims like the ALB (exp = now + ttlSec unless the header or claims set it). */
  sign(claims: Record<string, unknown>, header?: AlbHeader, ttlSec?: number): Promise<string>;
  /** GET /<kid> requests served so far. */
  keyFetches(): number;
  close(): Promise<void>;
}

/** The ALB ARN the e2e console is configured with. */
export const TEST_ALB_ARN =
  'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/trellis-e2e/50dc6c495c0c9188';

/** The OIDC client id and issuer the server puts in its token headers (and the e2e console expects). */
export const TEST_CLIENT_ID = 'trellis';
export const TEST_ISSUER = 'https://idp.example.com';

/** The kid the server serves. */
export const TEST_KID = '8f2a7c1e-4b3d-4e5f-9a6b-0c1d2e3f4a5b';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > 65_536) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/** Starts the server on 127.0.0.1 (`port` 0 picks a free one). */
export async function startAlbKeyServer(
  opts: { port?: number; albArn?: string; kid?: string } = {},
): Promise<AlbKeyServer> {
  const albArn = opts.albArn ?? TEST_ALB_ARN;
  const kid = opts.kid ?? TEST_KID;
  const { privateKey, publicPem } = await newAlbKeyPair();
  let fetches = 0;
  const sign = (claims: Record<string, unknown>, header: AlbHeader = {}, ttlSec = 600): Promise<string> => {
    const exp = Math.floor(Date.now() / 1000) + ttlSec;
    return signAlbToken(
      privateKey,
      { kid, signer: albArn, iss: TEST_ISSUER, client: TEST_CLIENT_ID, exp, ...header },
      { exp, iss: TEST_ISSUER, ...claims },
    );
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'POST' && path === '/_test/sign') {
        const body = JSON.parse((await readBody(req)) || '{}') as {
          claims?: Record<string, unknown>;
          header?: AlbHeader;
          ttlSec?: number;
        };
        const token = await sign(body.claims ?? {}, body.header, body.ttlSec);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
      } else if (req.method === 'GET' && path === '/_test/stats') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keyFetches: fetches }));
      } else if (req.method === 'GET' && path === `/${kid}`) {
        fetches += 1;
        res.writeHead(200, { 'content-type': 'binary/octet-stream' }).end(publicPem);
      } else {
        res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>');
      }
    })().catch((e: unknown) => {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kid,
    albArn,
    sign,
    keyFetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
