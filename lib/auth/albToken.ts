/**
 * Verifies the `x-amzn-oidc-data` token an Application Load Balancer adds after OIDC sign-in: an
 * ES256 JWS signed with the ALB's regional key (fetched by `kid`), whose header names the ALB in
 * `signer`, and (when configured, which the server requires to start) the OIDC client id in `client`
 * and the identity provider in `iss`, as AWS documents. Anything else — another algorithm, `alg:
 * none`, another signer, client or issuer, a bad signature, an expired or unparsable token — is
 * UNAUTHENTICATED.
 *
 * The ALB encodes the three parts as base64url WITH `=` padding (AWS documents this; RFC 7515 has
 * none). The signature covers the parts exactly as sent, padding included, which is what jose's
 * `jwtVerify` checks (it signs over the received text and decodes padded input), so the token is
 * passed through untouched. Only the signature part has its padding stripped before decoding.
 */
import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { TrellisError } from '../domain/errors';
import type { KeyResolver } from './albKeys';

/** Longest token accepted (ALB user claims are capped at 11 KB; headers at 16 KB). */
const MAX_TOKEN_LENGTH = 16_384;

/** Clock skew tolerated on `exp` / `nbf`, seconds. */
const CLOCK_TOLERANCE_S = 30;

/** What verification needs. */
export interface AlbVerifyOptions {
  /** The only accepted `signer` header value. */
  albArn: string;
  /** The only accepted `client` header value (the OIDC client id of the ALB's sign-in). */
  clientId?: string;
  /** The only accepted `iss` header value (the identity provider's issuer). */
  issuer?: string;
  keys: KeyResolver;
  /** For tests; defaults to now. */
  currentDate?: Date;
}

function refuse(why: string): TrellisError {
  return new TrellisError('UNAUTHENTICATED', `Sign-in required: the ALB sign-in token ${why}.`);
}

/** Maps jose's errors to a reason the user (and the logs) can act on. */
function reasonOf(e: unknown): TrellisError {
  if (e instanceof TrellisError) return e;
  if (e instanceof errors.JWTExpired) return refuse('has expired; reload the page to sign in again');
  if (e instanceof errors.JWSSignatureVerificationFailed) return refuse('has an invalid signature');
  if (e instanceof errors.JOSEAlgNotAllowed) return refuse('is not signed with ES256');
  if (e instanceof errors.JWTClaimValidationFailed) return refuse(`has an invalid "${e.claim}" claim (${e.reason})`);
  return refuse('cannot be read');
}

/** The verified user claims of an ALB token. Throws UNAUTHENTICATED (or UNREACHABLE when the key cannot be fetched). */
export async function verifyAlbToken(token: string, o: AlbVerifyOptions): Promise<JWTPayload> {
  if (token.length > MAX_TOKEN_LENGTH) throw refuse('is too long');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] === '' || parts[1] === '') throw refuse('is not a signed JWT');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch {
    throw refuse('has an unreadable header');
  }
  // Checked before any key is fetched: a token from another load balancer never costs a fetch.
  if (header.alg !== 'ES256') throw refuse(`uses algorithm ${JSON.stringify(header.alg ?? null)}, not ES256`);
  if (header.signer !== o.albArn)
    throw refuse("was not issued by this console's load balancer (signer does not match TRELLIS_ALB_ARN)");
  if (o.clientId !== undefined && header.client !== o.clientId)
    throw refuse('was issued for another sign-in client (client does not match TRELLIS_ALB_CLIENT_ID)');
  if (o.issuer !== undefined && header.iss !== o.issuer)
    throw refuse('was issued by another identity provider (iss does not match TRELLIS_ALB_ISSUER)');
  if (typeof header.kid !== 'string') throw refuse('has no key id (kid)');
  if (parts[2] === '') throw refuse('has no signature');
  const [h, p, s] = parts as [string, string, string];
  try {
    const { payload } = await jwtVerify(`${h}.${p}.${s.replace(/=+$/, '')}`, (hdr) => o.keys(String(hdr.kid)), {
      algorithms: ['ES256'],
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_S,
      ...(o.currentDate ? { currentDate: o.currentDate } : {}),
    });
    return payload;
  } catch (e) {
    throw reasonOf(e);
  }
}
