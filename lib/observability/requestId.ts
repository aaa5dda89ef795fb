/**
 * The id that ties a request's log lines together: the ALB's trace id (`X-Amzn-Trace-Id`, `Root=...`)
 * when there is one, so lines match the ALB access logs, otherwise a random UUID. The proxy passes
 * it on to pages and server actions in REQUEST_ID_HEADER (overwriting whatever the client sent).
 */

/** Request header carrying the id from the proxy to the app. */
export const REQUEST_ID_HEADER = 'x-trellis-request-id';

const TRACE_ROOT = /(?:^|;)Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/;

/** The request id for incoming headers. */
export function requestIdFrom(headers: { get(name: string): string | null }): string {
  const trace = headers.get('x-amzn-trace-id');
  const root = trace ? TRACE_ROOT.exec(trace)?.[1] : undefined;
  return root ?? crypto.randomUUID();
}
