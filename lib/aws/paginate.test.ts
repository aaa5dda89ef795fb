import { describe, expect, it } from 'vitest';
import { TrellisError } from '../domain/errors';
import { allPages, collectPages, pageInput, PAGE_SIZE } from './paginate';

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

  it('fails past maxPages, or stops there keeping what was read when asked to', async () => {
    let n = 0;
    const endless = async () => ({ items: [n], nextToken: `t${n++}` });
    const failed = await collectPages(endless, { maxPages: 3 });
    expect(failed.items).toEqual([0, 1, 2]);
    expect((failed.error as TrellisError).message).toContain('3 pages');
    expect(await collectPages(endless, { maxPages: 2, atLimit: 'stop' })).toEqual({ items: [3, 4] });
  });
});

describe('allPages', () => {
  it('returns every item, or throws the error of the page that failed', async () => {
    const pages: Record<string, { items: string[]; nextToken?: string }> = {
      '': { items: ['a'], nextToken: 'x' },
      x: { items: ['b'] },
    };
    expect(await allPages(async (t) => pages[t ?? ''] ?? {})).toEqual(['a', 'b']);
    const boom = new TrellisError('ACCESS_DENIED', 'no');
    await expect(
      allPages(async (t) => {
        if (t) throw boom;
        return { items: [1], nextToken: 'y' };
      }),
    ).rejects.toBe(boom);
  });

  it('asks for the largest page, with the token only when there is one', () => {
    expect(pageInput(undefined)).toEqual({ maxResults: PAGE_SIZE });
    expect(pageInput('t')).toEqual({ maxResults: 100, nextToken: 't' });
  });
});
