/**
 * Follows every page of a List call (maxResults 100, nextToken). A page that fails keeps what the
 * earlier pages returned, with the error, so one failure loses as little as possible.
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

/** Calls `fetch` with each nextToken until there is none. A repeated token is an error, not a loop. */
export async function collectPages<T>(
  fetch: (nextToken: string | undefined) => Promise<Page<T>>,
): Promise<Collected<T>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  try {
    do {
      const page = await fetch(token);
      items.push(...(page.items ?? []));
      token = page.nextToken || undefined;
      if (token !== undefined) {
        if (seen.has(token))
          throw new TrellisError(
            'AWS_INTERNAL',
            'The API returned the same nextToken twice; the listing was stopped to avoid a loop.',
          );
        seen.add(token);
      }
    } while (token !== undefined);
    return { items };
  } catch (error) {
    return { items, error };
  }
}
