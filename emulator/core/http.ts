/**
 * The protocol-neutral request and response the emulator passes between its HTTP server and the
 * per-service modules.
 */
import type { IncomingMessage } from 'node:http';
import { AwsError } from './awsError';

/**
 * Largest body the emulator accepts; AWS rejects bigger ones too (Lattice policies ≤ 10 KB, Logs batches
 * ≤ 1 MB).
 */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

/** A request as read off the wire. `path` is raw (still percent-encoded) so that labels can contain `%2F`. */
export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
}

/** A response to write back. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Reads the whole body, refusing bodies larger than `limit` with a 413 AWS-style error. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      req.resume();
      throw new AwsError(
        'RequestEntityTooLargeException',
        413,
        `Request body of more than ${limit} bytes is not accepted`,
      );
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Node headers flattened to single lower-case string values. */
export function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
  }
  return out;
}

/** A JSON response. */
export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): RawResponse {
  return {
    status,
    headers: { 'content-type': contentType, ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}
