/**
 * The one paginator: follows every page of a List call (nextToken). A page that fails keeps what the
 * earlier pages returned, with the error, so one failure loses as little as possible; `allPages` is
 * the variant that throws instead. A repeated token, or more than `maxPages` pages, never loops.
 */
import { TrellisError } from '../domain/errors';

/** The largest page the Lattice API allows. */
export const PAGE_SIZE = 100;

/** A page of a List response. */
export interface Page<T> {
  items?: T[] | undefined;
  nextToken?: string | undefined;
}

/** Everything listed, and the error that stopped the listing early, if any. */
export interface Collected<T> {
  items: T[];
  error?: unknown;
}

/** How far to follow the pages. */
export interface PageLimit {
  /** Default 1000. */
  maxPages?: number;
  /** At `maxPages`: `fail` (default, an AWS_INTERNAL error) or `stop` (keep what was read, no error). */
  atLimit?: 'fail' | 'stop';
}

/** The paging part of a List request: the largest page, and the token when there is one. */
export function pageInput(nextToken: string | undefined): { maxResults: number; nextToken?: string } {
  return { maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) };
}

function repeated(): TrellisError {
  return new TrellisError(
    'AWS_INTERNAL',
    'The API returned the same nextToken twice; the listing was stopped to avoid a loop.',
  );
}

/** Calls `fetch` with each nextToken until there is none. A repeated token is an error, not a loop. */
export async function collectPages<T>(
  fetch: (nextToken: string | undefined) => Promise<Page<T>>,
  limit: PageLimit = {},
): Promise<Collected<T>> {
  const maxPages = limit.maxPages ?? 1000;
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  try {
    for (let n = 0; n < maxPages; n++) {
      const page = await fetch(token);
      items.push(...(page.items ?? []));
      token = page.nextToken || undefined;
      if (token === undefined) return { items };
      if (seen.has(token)) throw repeated();
      seen.add(token);
    }
    if (limit.atLimit === 'stop') return { items };
    throw new TrellisError('AWS_INTERNAL', `A list did not end after ${maxPages} pages.`);
  } catch (error) {
    return { items, error };
  }
}

/** Every item of every page; throws the error of the first page that fails. */
export async function allPages<T>(
  fetch: (nextToken: string | undefined) => Promise<Page<T>>,
  limit: PageLimit = {},
): Promise<T[]> {
  const got = await collectPages(fetch, limit);
  if (got.error !== undefined) throw got.error;
  return got.items;
}
