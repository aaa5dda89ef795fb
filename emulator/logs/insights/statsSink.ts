/**
 * The stats aggregation. Each event's group is found without building strings: every dimension
 * yields a small integer code (the bin index, or a dictionary code of the value), and codes are
 * combined pairwise into dense group ids through integer-keyed maps.
 */
import { type Aggregator, createAggregators, FED, type Update } from './aggregators';
import type { Env } from './env';
import type { Row, StatsPlan } from './planTypes';
import type { FieldReader, FieldValue } from './source';
import { isMissing, toText } from './values';

/** Dense codes for the values of one dimension; 200 and "200" share a code. */
class ValueDict {
  private readonly byValue = new Map<FieldValue, number>();
  private readonly byText = new Map<string, number>();
  private missing = -1;
  readonly values: FieldValue[] = [];

  code(v: FieldValue): number {
    const c = this.byValue.get(v);
    return c === undefined ? this.add(v) : c;
  }

  private add(v: FieldValue): number {
    let c: number | undefined;
    if (isMissing(v)) {
      if (this.missing < 0) this.missing = this.values.push(undefined) - 1;
      c = this.missing;
    } else {
      const text = toText(v);
      c = this.byText.get(text);
      if (c === undefined) {
        c = this.values.push(v) - 1;
        this.byText.set(text, c);
      }
    }
    this.byValue.set(v, c);
    return c;
  }
}

/** Maps a pair of non-negative integers to a dense id, first come first numbered. */
class PairIndex {
  private readonly small = new Map<number, number>();
  private readonly large = new Map<string, number>();
  size = 0;

  id(a: number, b: number): number {
    if (a < 0x8000 && b < 0x8000) {
      const key = a * 0x8000 + b; // < 2^30: stays a small integer key
      const v = this.small.get(key);
      if (v !== undefined) return v;
      this.small.set(key, this.size);
      return this.size++;
    }
    const key = `${a},${b}`;
    const v = this.large.get(key);
    if (v !== undefined) return v;
    this.large.set(key, this.size);
    return this.size++;
  }
}

/** Per-dimension code function of one batch. */
type CodeFn = (i: number) => number;

/** Aggregation state of one query execution. */
export class StatsSink {
  private readonly aggs: Aggregator[];
  private readonly dicts: (ValueDict | undefined)[];
  private readonly levels: PairIndex[];
  /** groupCodes[d][g]: code of dimension d for group g. */
  private readonly groupCodes: number[][];
  private readonly codes: Int32Array;
  private groups = 0;

  constructor(
    private readonly plan: StatsPlan,
    private readonly startMs: number,
  ) {
    this.aggs = createAggregators(plan.aggs);
    this.dicts = plan.dims.map((d) => (d.kind === 'field' ? new ValueDict() : undefined));
    this.levels = plan.dims.map(() => new PairIndex());
    this.groupCodes = plan.dims.map(() => []);
    this.codes = new Int32Array(plan.dims.length);
  }

  /** The per-row function of one batch: finds the event's group and updates every aggregation. */
  bind(env: Env, timestamp: (i: number) => number): (i: number) => void {
    const codeFns: CodeFn[] = this.plan.dims.map((d, k) => {
      if (d.kind === 'bin') {
        const period = d.periodMs;
        const base = Math.floor(this.startMs / period);
        return (i) => Math.floor(timestamp(i) / period) - base;
      }
      const r: FieldReader = env.reader(d.binding);
      const dict = this.dicts[k] as ValueDict;
      return (i) => dict.code(r(i));
    });
    const updates: Update[] = this.aggs.map((a) => a.bind(env)).filter((u) => u !== FED);
    const { levels, codes } = this;
    const dims = codeFns.length;
    const groupOf = (i: number): number => {
      let g = 0;
      for (let d = 0; d < dims; d++) {
        const c = (codeFns[d] as CodeFn)(i);
        codes[d] = c;
        g = (levels[d] as PairIndex).id(g, c);
      }
      return g;
    };
    const n = updates.length;
    const only = updates[0] as Update;
    return (i) => {
      const g = dims === 0 ? 0 : groupOf(i);
      if (g === this.groups) this.addGroup();
      if (n === 1) only(g, i);
      else for (let k = 0; k < n; k++) (updates[k] as Update)(g, i);
    };
  }

  private addGroup(): void {
    for (let d = 0; d < this.codes.length; d++) (this.groupCodes[d] as number[]).push(this.codes[d] as number);
    for (const a of this.aggs) a.addGroup();
    this.groups++;
  }

  /** Current groups as rows (group values, then aggregates), ordered by bin then first appearance. */
  rows(): Row[] {
    const { dims } = this.plan;
    const binDim = dims.findIndex((d) => d.kind === 'bin');
    const rows: Row[] = [];
    for (let g = 0; g < this.groups; g++) {
      const vals: FieldValue[] = dims.map((d, k) => {
        const code = (this.groupCodes[k] as number[])[g] as number;
        if (d.kind === 'bin') return (Math.floor(this.startMs / d.periodMs) + code) * d.periodMs;
        return (this.dicts[k] as ValueDict).values[code];
      });
      for (const a of this.aggs) vals.push(a.value(g));
      rows.push({ vals, ts: binDim >= 0 ? (vals[binDim] as number) : 0, ord: g });
    }
    return rows.sort((a, b) => a.ts - b.ts || a.ord - b.ord);
  }
}
