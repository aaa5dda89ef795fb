/**
 * The request gate behind proxy.ts. A possibly cross-site request that may change something gets 403
 * (lib/security/csrf: same origin, and JSON for /api); a request without a user gets 401, a user the
 * viewer allow-list does not admit 403; a viewer's (or, read-only,
 * anyone's) call of a mutating server action gets 403 before Next runs it. The refusal's format
 * suits the caller: plain text for server actions (Next's client shows a text/plain error body as
 * the thrown error's message), JSON for /api, a short HTML page otherwise. Pure Web APIs plus the
 * ALB key endpoint, so it is testable without Next.
 */
import type { Config } from '../config';
import { httpStatusOf, type ErrorInfo } from '../domain/errors';
import type { User } from '../domain/user';
import type { ActionPolicy } from './actionPolicy';
import { authenticate, type AuthDeps, type HeaderSource } from './authenticate';
import { csrfRefusal } from '../security/csrf';
import { mutationBlockedReason } from './permissions';

/** What the gate looks at. */
export interface GateRequest {
  method: string;
  pathname: string;
  headers: HeaderSource;
}

/** The gate's verdict: let through (with the user), or refuse with a ready response. */
export type GateDecision =
  | { allow: true; user: User; action?: string }
  | { allow: false; response: Response; error: ErrorInfo; user?: User; action?: string };

/** Dependencies (the action policy of the build; auth test hooks). */
export interface GateDeps extends AuthDeps {
  policy?: ActionPolicy;
  /**
   * The action id of a no-JavaScript form submission (multipart body with `$ACTION_ID_<id>` or
   * `$ACTION_REF_<n>`), read only when the user may not change anything.
   */
  formActionId?: () => Promise<string | undefined>;
}

/** The server-action id in a form submission's fields (React's encoding of form actions), if any. */
export function formActionIdOf(form: {
  forEach(cb: (value: unknown, key: string) => void): void;
  get(name: string): unknown;
}): string | undefined {
  let id: string | undefined;
  form.forEach((_v, key) => {
    if (id !== undefined) return;
    if (key.startsWith('$ACTION_ID_')) id = key.slice('$ACTION_ID_'.length);
    else if (key.startsWith('$ACTION_REF_')) {
      const meta = form.get(`$ACTION_${key.slice('$ACTION_REF_'.length)}:0`);
      try {
        const parsed: unknown = typeof meta === 'string' ? JSON.parse(meta) : undefined;
        const ref = parsed as { id?: unknown } | undefined;
        if (typeof ref?.id === 'string') id = ref.id;
      } catch {
        // Not an action reference React could decode either.
      }
    }
  });
  return id?.slice(0, 128);
}

/** The server-action id of a request, if it is a server-action call. */
export function serverActionId(req: GateRequest): string | undefined {
  if (req.method !== 'POST') return undefined;
  const id = req.headers.get('next-action');
  return id ? id.slice(0, 128) : undefined;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The refusal for `error`, in the caller's format. */
export function refusal(req: GateRequest, error: ErrorInfo): Response {
  const status = httpStatusOf(error.code);
  const headers = { 'cache-control': 'no-store' };
  // Exactly `text/plain`: Next's client only shows the body of a failed action with that type.
  if (serverActionId(req))
    return new Response(error.message, { status, headers: { ...headers, 'content-type': 'text/plain' } });
  if (req.pathname.startsWith('/api/')) return Response.json({ error }, { status, headers });
  const title =
    status === 403
      ? 'Not allowed'
      : status === 401
        ? 'Sign-in required'
        : status === 400
          ? 'Bad request'
          : 'Sign-in unavailable';
  const body =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Trellis</title></head>` +
    '<body style="font-family:system-ui,sans-serif;padding:24px;max-width:70ch">' +
    `<h1 style="font-size:20px">${title}</h1><p>${escapeHtml(error.message)}</p></body></html>`;
  return new Response(body, { status, headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } });
}

/** Decides one request. Never throws. */
export async function gate(
  req: GateRequest,
  config: Pick<Config, 'auth' | 'readOnly' | 'region'>,
  deps: GateDeps = {},
): Promise<GateDecision> {
  const actionId = serverActionId(req);
  const action = actionId ? (deps.policy?.nameOf(actionId) ?? actionId) : undefined;
  const withAction = action ? { action } : {};
  const crossSite = csrfRefusal(req);
  if (crossSite) return { allow: false, response: refusal(req, crossSite), error: crossSite, ...withAction };
  const who = await authenticate(req.headers, config, deps);
  if (!who.ok) return { allow: false, response: refusal(req, who.error), error: who.error, ...withAction };
  const user = who.value;
  const reason = mutationBlockedReason(user, config);
  if (reason && deps.policy && req.method === 'POST') {
    const id = actionId ?? (await deps.formActionId?.().catch(() => undefined));
    if (id && deps.policy.mutates(id)) {
      const error: ErrorInfo = { code: 'FORBIDDEN', message: reason, retryable: false };
      return { allow: false, response: refusal(req, error), error, user, action: deps.policy.nameOf(id) ?? id };
    }
  }
  return { allow: true, user, ...withAction };
}
