/** What every aggregator of a stats command offers, and the per-event update it binds. */
import type { Env } from './env';

/** Per-row update of one aggregation for group g. */
export type Update = (g: number, i: number) => void;

/** The update of an aggregation another one feeds (a shared read): the stats sink leaves it out. */
export const FED: Update = () => {};

/** One aggregation over all groups. */
export interface Aggregator {
  /** Makes room for group `g` (called once per new group, in order). */
  addGroup(): void;
  bind(env: Env): Update;
  /** The result of group g; undefined when no event contributed a usable value. */
  value(g: number): number | undefined;
}
