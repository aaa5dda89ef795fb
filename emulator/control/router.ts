/**
 * A tiny router for the control API (/_emulator/...): JSON in, JSON out, bodies validated with zod.
 * Feature modules (faults, traffic, incidents, ...) each export their routes; control.ts lists them.
 */
import type { z } from 'zod';
import type { RawRequest, RawResponse } from '../core/http';
import { json } from '../core/http';
import type { EmulatorHost } from '../server';

/** A control route. `path` is matched against the path after `/_emulator`. */
export interface ControlRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string | RegExp;
  handle(host: EmulatorHost, body: unknown, params: string[], req: RawRequest): Promise<RawResponse> | RawResponse;
}

/** An error of the control API, answered as `{ error }` with a status. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

/** Parses a control body with a zod schema; a 400 that names every bad field otherwise. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const detail = r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new ControlError(400, `invalid request body: ${detail}`);
  }
  return r.data;
}

/** 200 with a JSON body. */
export function ok(body: unknown): RawResponse {
  return json(200, body);
}

/** Routes a control request; unknown routes are 404, bad JSON 400, never a crash. */
export async function route(
  routes: readonly ControlRoute[],
  host: EmulatorHost,
  req: RawRequest,
): Promise<RawResponse> {
  const sub = req.path.slice('/_emulator'.length) || '/';
  try {
    let body: unknown;
    if (req.body.length > 0) {
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        throw new ControlError(400, 'request body is not valid JSON');
      }
    }
    for (const r of routes) {
      if (r.method !== req.method) continue;
      if (typeof r.path === 'string') {
        if (r.path === sub) return await r.handle(host, body, [], req);
      } else {
        const m = r.path.exec(sub);
        if (m)
          return await r.handle(
            host,
            body,
            m.slice(1).map((p) => decodeURIComponent(p ?? '')),
            req,
          );
      }
    }
    throw new ControlError(404, `no control route ${req.method} /_emulator${sub} (see emulator/README.md)`);
  } catch (e) {
    if (e instanceof ControlError) return json(e.status, { error: e.message });
    process.stderr.write(`emulator control error: ${(e as Error).stack ?? String(e)}\n`);
    return json(500, { error: `control API failed: ${(e as Error).message}` });
  }
}
