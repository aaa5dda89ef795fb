/**
 * Reads who signed a request. The emulator trusts the access key in the SigV4 credential scope to
 * name the caller (it does not recompute signatures: the SDK always signs correctly, and the keys
 * are the emulator's own). The scope also names the region and the service.
 */
import type { RawRequest } from './http';

/** The parts of a SigV4 credential scope. */
export interface Signature {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  /** `x-amz-security-token`, present for temporary credentials. */
  sessionToken?: string;
}

const SCOPE = /Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request/;

/** The signature of a request from its Authorization header or presigned query; undefined if unsigned. */
export function readSignature(req: Pick<RawRequest, 'headers' | 'query'>): Signature | undefined {
  const header = req.headers.authorization;
  let scope: RegExpExecArray | null = null;
  if (header?.startsWith('AWS4-HMAC-SHA256')) scope = SCOPE.exec(header);
  const presigned = req.query.get('X-Amz-Credential');
  if (!scope && presigned) scope = SCOPE.exec(`Credential=${presigned}`);
  if (!scope) return undefined;
  const [, accessKeyId, date, region, service] = scope;
  const sessionToken = req.headers['x-amz-security-token'] ?? req.query.get('X-Amz-Security-Token') ?? undefined;
  return {
    accessKeyId: accessKeyId!,
    date: date!,
    region: region!,
    service: service!,
    ...(sessionToken ? { sessionToken } : {}),
  };
}
