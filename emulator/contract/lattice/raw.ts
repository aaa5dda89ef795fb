/**
 * Raw HTTP requests to the emulator with a SigV4-shaped Authorization header. The emulator reads only
 * the credential scope (key, region, service), so tests can send any bytes the SDK would never send:
 * node:http is used (not fetch) so that the path goes out exactly as written and any method may carry a body.
 */
import { request } from 'node:http';

/** A raw response: status, lower-case headers and the body text. */
export interface RawResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json(): Record<string, unknown>;
}

/** Options of a raw request. */
export interface RawOptions {
  body?: string | Buffer;
  service?: string;
  region?: string;
  accessKeyId?: string;
  headers?: Record<string, string>;
}

/** Sends a request signed (in scope only) as `accessKeyId` for `service` in `region`. */
export function rawRequest(baseUrl: string, method: string, path: string, opts: RawOptions = {}): Promise<RawResult> {
  const url = new URL(baseUrl);
  const key = opts.accessKeyId ?? 'AKIATRELLISHUB000001';
  const scope = `${key}/20260101/${opts.region ?? 'us-east-1'}/${opts.service ?? 'vpc-lattice'}/aws4_request`;
  const body =
    opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body, 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${scope}, SignedHeaders=host, Signature=00`,
          'content-type': 'application/json',
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...(opts.headers ?? {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
          resolve({
            status: res.statusCode ?? 0,
            headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
        res.on('error', reject);
      },
    );
    // The server may answer (413) before reading a huge body and close; the answer still arrives.
    req.on('error', reject);
    req.end(body);
  });
}
