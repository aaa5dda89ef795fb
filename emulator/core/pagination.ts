/**
 * Opaque, tamper-evident pagination tokens, declared once for every List operation of every service.
 * A token names a digest of the query it belongs to and the sort key of the last item returned (a
 * cursor, so that items created or deleted between pages never shift the others); it is signed with
 * the emulator's secret, so a forged or altered token is refused as AWS refuses it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Thrown for a token that was not issued for this query; each service renders it as its own error. */
export class BadTokenError extends Error {
  constructor() {
    super('The nextToken is invalid or expired');
    this.name = 'BadTokenError';
  }
}

/** Issues and reads pagination tokens. */
export class Paginator {
  constructor(private readonly secret: string) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
  }

  /** Encodes the cursor after `lastKey` for `scope` (the operation plus every filter that shapes the list). */
  token(scope: string, lastKey: string): string {
    const payload = Buffer.from(JSON.stringify({ s: this.sign(`scope:${scope}`), k: lastKey })).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The last key a token stands for; BadTokenError if it is forged or belongs to another query. */
  cursor(scope: string, token: string): string {
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) throw new BadTokenError();
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new BadTokenError();
    let parsed: { s?: unknown; k?: unknown };
    try {
      parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; k?: unknown };
    } catch {
      throw new BadTokenError();
    }
    if (parsed.s !== this.sign(`scope:${scope}`) || typeof parsed.k !== 'string') throw new BadTokenError();
    return parsed.k;
  }

  /**
   * One page of `items` (in any order; they are sorted by `key` here): the items after the token's
   * cursor and the token of the next page, if any. `maxResults` is validated by the model (1–100).
   */
  page<T>(
    scope: string,
    items: readonly T[],
    key: (item: T) => string,
    maxResults: number | undefined,
    nextToken: string | undefined,
    defaultMax = 100,
  ): { items: T[]; nextToken?: string } {
    const sorted = [...items].sort((a, b) => compare(key(a), key(b)));
    const after = nextToken === undefined ? undefined : this.cursor(scope, nextToken);
    const start = after === undefined ? 0 : firstAfter(sorted, key, after);
    const size = maxResults ?? defaultMax;
    const slice = sorted.slice(start, start + size);
    const last = slice[slice.length - 1];
    return start + slice.length < sorted.length && last !== undefined
      ? { items: slice, nextToken: this.token(scope, key(last)) }
      : { items: slice };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function firstAfter<T>(sorted: readonly T[], key: (item: T) => string, after: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(key(sorted[mid] as T), after) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
