import { describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { collectPages } from './pages';

describe('collectPages', () => {
  it('follows nextToken until there is none', async () => {
    const tokens: Array<string | undefined> = [];
    const pages: Record<string, { items: number[]; nextToken?: string }> = {
      '': { items: [1, 2], nextToken: 'a' },
      a: { items: [3], nextToken: 'b' },
      b: { items: [] },
    };
    const got = await collectPages(async (t) => {
      tokens.push(t);
      return pages[t ?? ''] ?? { items: [] };
    });
    expect(got).toEqual({ items: [1, 2, 3] });
    expect(tokens).toEqual([undefined, 'a', 'b']);
  });

  it('keeps what earlier pages returned when a page fails', async () => {
    const boom = new TrellisError('THROTTLED', 'slow down');
    const got = await collectPages(async (t) => {
      if (t === 'a') throw boom;
      return { items: ['x'], nextToken: 'a' };
    });
    expect(got).toEqual({ items: ['x'], error: boom });
  });

  it('stops on a repeated token instead of looping', async () => {
    const got = await collectPages(async () => ({ items: [1], nextToken: 'same' }));
    expect(got.items).toEqual([1, 1]);
    expect((got.error as TrellisError).code).toBe('AWS_INTERNAL');
  });
});
