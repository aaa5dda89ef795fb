/**
 * Linear-time regex matching: the pattern becomes a Thompson NFA, and `test` runs it as a lazily
 * built DFA (states are sets of NFA states, created on first use and cached per input code unit).
 * No backtracking, so no pattern can make a query run away on a long message; the cost per
 * character is one array lookup once the DFA is warm.
 */
import { type CharSet, isWordChar, setHas, setHasFolded } from './charset';
import { type ParsedRegex, type RegexNode, RegexSyntaxError, parseRegex } from './parse';

const CHAR = 0;
const SPLIT = 1;
const EPS = 2;
const ASSERT = 3;
const MATCH = 4;
type AssertKind = 'start' | 'end' | 'boundary' | 'notBoundary';

/** Upper bound of NFA states (counted repetition is expanded). */
const MAX_NFA_STATES = 20_000;
/** DFA states cached before the cache is dropped and rebuilt. */
const MAX_DFA_STATES = 4_000;

interface DfaState {
  states: readonly number[];
  ctx: number;
  ascii: (DfaState | null | undefined)[];
  other: Map<number, DfaState | null>;
  endAccepts?: boolean;
}
/** Transition target meaning "a match ends here". */
const MATCHED = null;
/** Context before a position: start of input, after a non-word char, after a word char. */
const AT_START = 0;
const AFTER_NONWORD = 1;
const AFTER_WORD = 2;

/** A compiled pattern that answers "does it match anywhere in s?". */
export class RegexMatcher {
  private readonly kind: number[] = [];
  private readonly out1: number[] = [];
  private readonly out2: number[] = [];
  private readonly sets: (CharSet | undefined)[] = [];
  private readonly asserts: (AssertKind | undefined)[] = [];
  private readonly start: number;
  private readonly ignoreCase: boolean;
  private readonly usesContext: boolean;
  private cache = new Map<string, DfaState>();
  private initial: DfaState;

  constructor(parsed: ParsedRegex) {
    this.ignoreCase = parsed.ignoreCase;
    const match = this.add(MATCH);
    this.start = this.compile(parsed.root, match);
    this.usesContext = this.asserts.some((a) => a === 'start' || a === 'boundary' || a === 'notBoundary');
    this.initial = this.state(this.closure([this.start]), AT_START);
  }

  /** Whether the pattern matches somewhere in `s`. */
  test(s: string): boolean {
    let st = this.initial;
    for (let p = 0; p < s.length; p++) {
      const c = s.charCodeAt(p);
      let nx = c < 128 ? st.ascii[c] : st.other.get(c);
      if (nx === undefined) nx = this.step(st, c);
      if (nx === MATCHED) return true;
      st = nx;
    }
    if (st.endAccepts === undefined) st.endAccepts = this.resolve(st, -1).includes(MATCH_STATE_SENTINEL);
    return st.endAccepts;
  }

  private add(kind: number, a = -1, b = -1, set?: CharSet, as?: AssertKind): number {
    if (this.kind.length >= MAX_NFA_STATES) throw new RegexSyntaxError('Regex is too complex', 0);
    this.kind.push(kind);
    this.out1.push(a);
    this.out2.push(b);
    this.sets.push(set);
    this.asserts.push(as);
    return this.kind.length - 1;
  }

  /** Thompson construction in continuation style: the entry state of `n` followed by `next`. */
  private compile(n: RegexNode, next: number): number {
    switch (n.t) {
      case 'set':
        return this.add(CHAR, next, -1, n.set);
      case 'assert':
        return this.add(ASSERT, next, -1, undefined, n.kind);
      case 'seq':
        return n.items.reduceRight((acc, item) => this.compile(item, acc), next);
      case 'alt':
        return n.alts
          .slice(0, -1)
          .reduceRight(
            (acc, alt) => this.add(SPLIT, this.compile(alt, next), acc),
            this.compile(n.alts[n.alts.length - 1] as RegexNode, next),
          );
      case 'rep': {
        let entry = next;
        if (n.max === Infinity) {
          const loop = this.add(SPLIT, -1, next);
          this.out1[loop] = this.compile(n.node, loop);
          entry = loop;
        } else {
          for (let k = n.min; k < n.max; k++) entry = this.add(SPLIT, this.compile(n.node, entry), next);
        }
        for (let k = 0; k < n.min; k++) entry = this.compile(n.node, entry);
        return entry;
      }
    }
  }

  /** States reachable through SPLIT/EPS (stopping at CHAR, ASSERT and MATCH), sorted. */
  private closure(entries: Iterable<number>, seen = new Set<number>(), into: number[] = []): number[] {
    const stack = [...entries];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (s < 0 || seen.has(s)) continue;
      seen.add(s);
      const k = this.kind[s];
      if (k === SPLIT) stack.push(this.out1[s] as number, this.out2[s] as number);
      else if (k === EPS) stack.push(this.out1[s] as number);
      else into.push(s);
    }
    return into.sort((x, y) => x - y);
  }

  /** Passes the assertions of `st` that hold between its context and `next` (-1: end of input). */
  private resolve(st: DfaState, next: number): number[] {
    const seen = new Set<number>();
    const result: number[] = [];
    const work = [...st.states];
    while (work.length > 0) {
      const s = work.pop() as number;
      if (seen.has(s)) continue;
      seen.add(s);
      const k = this.kind[s];
      if (k === MATCH) result.push(MATCH_STATE_SENTINEL);
      else if (k === CHAR) result.push(s);
      else if (k === ASSERT && this.holds(this.asserts[s] as AssertKind, st.ctx, next)) {
        for (const t of this.closure([this.out1[s] as number])) work.push(t);
      }
    }
    return result;
  }

  private holds(kind: AssertKind, ctx: number, next: number): boolean {
    if (kind === 'start') return ctx === AT_START;
    if (kind === 'end') return next === -1;
    const boundary = (ctx === AFTER_WORD) !== (next >= 0 && isWordChar(next));
    return kind === 'boundary' ? boundary : !boundary;
  }

  /** Computes (and caches) the transition of `st` on code unit `c`. */
  private step(st: DfaState, c: number): DfaState | null {
    const live = this.resolve(st, c);
    let target: DfaState | null;
    if (live.includes(MATCH_STATE_SENTINEL)) {
      target = MATCHED;
    } else {
      const seen = new Set<number>();
      const into: number[] = [];
      for (const s of live) {
        const set = this.sets[s] as CharSet;
        if (this.ignoreCase ? setHasFolded(set, c) : setHas(set, c)) this.closure([this.out1[s] as number], seen, into);
      }
      this.closure([this.start], seen, into); // unanchored search: a match may start at every position
      target = this.state(into, !this.usesContext ? AFTER_NONWORD : isWordChar(c) ? AFTER_WORD : AFTER_NONWORD);
    }
    if (this.cache.size > MAX_DFA_STATES) {
      this.cache = new Map();
      this.initial = this.state(this.closure([this.start]), AT_START);
      return target;
    }
    if (c < 128) st.ascii[c] = target;
    else st.other.set(c, target);
    return target;
  }

  private state(states: number[], ctx: number): DfaState {
    const sorted = [...new Set(states)].sort((x, y) => x - y);
    const key = `${ctx}:${sorted.join(',')}`;
    let st = this.cache.get(key);
    if (!st) {
      st = { states: sorted, ctx, ascii: new Array<DfaState | null | undefined>(128), other: new Map() };
      this.cache.set(key, st);
    }
    return st;
  }
}

/** Marker in resolved state lists for "the MATCH state is reachable". */
const MATCH_STATE_SENTINEL = -2;

/** Parses and compiles a pattern; throws RegexSyntaxError for unsupported or invalid input. */
export function compileRegex(source: string, flags: string): RegexMatcher {
  return new RegexMatcher(parseRegex(source, flags));
}
