/**
 * Ranking of a breakdown's values (the URL's `rank`): by requests (`count`), by the share of the
 * value's requests that match the filters (`rate`: the canary's 50 % 5xx above the stable group's
 * 1 %, even with fewer errors), or by the increase against the previous period (`change`: what is
 * new comes first). Pure.
 */
import type { Rank } from './filters';
import type { BreakdownItem } from './panelResults';

/** A value with the figures of its rank. */
export interface RankedItem extends BreakdownItem {
  /** Requests of the value without the filters (rate), when known. */
  base?: number;
  /** n / base (0–1), when the base is known. */
  rate?: number;
  /** Requests of the value in the previous period (change); 0 when absent there. */
  previous?: number;
  /** n − previous. */
  change?: number;
}

/**
 * A rate needs this many requests of the value before it outranks a count: 2 of 3 requests failing
 * is 67 % but says little (the same minimum spirit as the triage engine's). Values under it rank
 * after those above it, by rate.
 */
export const MIN_RATE_BASE = 20;

const byName = (a: BreakdownItem, b: BreakdownItem) => String(a.value ?? '').localeCompare(String(b.value ?? ''));
const countOf = (items: readonly BreakdownItem[] | undefined) => {
  const m = new Map<string | undefined, number>();
  for (const it of items ?? []) m.set(it.value, it.n);
  return m;
};

/** What ranking needs besides the filtered items. */
export interface RankInputs {
  /** The same breakdown without the filters (for `rate`). */
  base?: readonly BreakdownItem[] | undefined;
  /** The same breakdown for the previous period (for `change`). */
  previous?: readonly BreakdownItem[] | undefined;
  /** How many to keep (default 10). */
  top?: number;
}

/** The top values by `rank`; ties go to the larger count, then by name. */
export function rankBreakdown(items: readonly BreakdownItem[], rank: Rank, inputs: RankInputs = {}): RankedItem[] {
  const top = inputs.top ?? 10;
  if (rank === 'rate') {
    const base = countOf(inputs.base);
    const ranked = items.map((it): RankedItem => {
      const b = base.get(it.value);
      // The base can only be smaller than the filtered count when the two queries saw different records.
      return b === undefined ? { ...it } : { ...it, base: Math.max(b, it.n), rate: it.n / Math.max(b, it.n) };
    });
    const solid = (r: RankedItem) => (r.base ?? 0) >= MIN_RATE_BASE;
    return ranked
      .sort(
        (a, b) => Number(solid(b)) - Number(solid(a)) || (b.rate ?? -1) - (a.rate ?? -1) || b.n - a.n || byName(a, b),
      )
      .slice(0, top);
  }
  if (rank === 'change') {
    const prev = countOf(inputs.previous);
    return items
      .map((it): RankedItem => {
        const p = prev.get(it.value) ?? 0;
        return { ...it, previous: p, change: it.n - p };
      })
      .sort((a, b) => (b.change ?? 0) - (a.change ?? 0) || b.n - a.n || byName(a, b))
      .slice(0, top);
  }
  return [...items].sort((a, b) => b.n - a.n || byName(a, b)).slice(0, top);
}

/** Whether a rank needs the breakdowns without filters (rate) or of the previous period (change). */
export function rankNeeds(rank: Rank): { base: boolean; previous: boolean } {
  return { base: rank === 'rate', previous: rank === 'change' };
}

/** How a rank is named in the UI. */
export const RANK_LABELS: Record<Rank, string> = {
  count: 'requests',
  rate: 'rate of all its requests',
  change: 'change vs previous period',
};
