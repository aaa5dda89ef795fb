/**
 * Crafted server-action calls, as a script (not the console's UI) would send them: the build's
 * actions come from Next's server-reference manifest (id → file, export, pages) and the action
 * policy (which ones mutate); the request is what Next's client sends (POST to a page of the
 * action with the `Next-Action` header and the arguments as a JSON array).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { repoImageStart } from './dockerImage';

/** One server action of the build. */
export interface BuiltAction {
  id: string;
  /** `file#export` */
  name: string;
  mutates: boolean;
  /** A page path the action is bound to. */
  path: string;
}

/** `app/routing/page` → `/routing`. */
function pathOfWorker(worker: string): string {
  const p = worker.replace(/^app/, '').replace(/\/page$/, '');
  return p === '' ? '/' : p;
}

/** Every server action of the built console, with its classification. */
export function builtActions(): BuiltAction[] {
  const dir = join(repoImageStart().standaloneDir, '.next');
  const manifest = JSON.parse(readFileSync(join(dir, 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  const policy = JSON.parse(readFileSync(join(dir, 'trellis-action-policy.json'), 'utf8')) as {
    actions: Record<string, { action: string; mutates: boolean }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    // A page that serves it; not Next's own `app/_not-found` (a POST there is a 404 whatever the action).
    const worker = Object.keys(entry.workers).find((w) => w.endsWith('/page') && !w.startsWith('app/_')) ?? 'app/page';
    return {
      id,
      name: policy.actions[id]?.action ?? `${entry.filename}#${entry.exportedName}`,
      mutates: policy.actions[id]?.mutates ?? true,
      path: pathOfWorker(worker),
    };
  });
}

/** Calls a server action with `args`, as `origin` (default: the console itself), with extra headers. */
export function callAction(
  request: APIRequestContext,
  baseURL: string,
  a: Pick<BuiltAction, 'id' | 'path'>,
  args: unknown[],
  headers: Record<string, string> = {},
  origin = baseURL,
): Promise<APIResponse> {
  return request.post(a.path, {
    headers: {
      'next-action': a.id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin,
      ...headers,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
