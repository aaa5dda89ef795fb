/**
 * Turns a parsed query into a Plan: resolves every name where it is used (aliases of `fields` and
 * `parse` are visible to later commands only), and checks the command order this engine runs:
 *  - per-event commands (fields, parse, filter) come before stats, limit and dedup;
 *  - one stats command at most; after it: filter, sort, dedup, limit, display on its columns;
 *  - after dedup only limit (as in the real service); display not before stats.
 */
import type { Command, FieldRef, GroupItem, Query } from './ast';
import { bindCondition } from './bindCondition';
import { queryError, quoteSnippet } from './errors';
import type {
  Binding,
  EventStep,
  EventsPlan,
  IndexFilter,
  OutputColumn,
  Plan,
  RowOp,
  StatsDim,
  StatsPlan,
  SystemField,
} from './planTypes';

const SYSTEM = new Set<string>(['@timestamp', '@ingestionTime', '@message', '@logStream', '@log', '@ptr']);
type Phase = 'events' | 'afterLimit' | 'afterDedup' | 'afterStats' | 'afterStatsDedup';
type EventOp =
  | { kind: 'sort'; keys: { binding: Binding; desc: boolean }[] }
  | { kind: 'limit'; count: number }
  | { kind: 'dedup'; bindings: Binding[] };

/** Builds the plan of a parsed query; throws InsightsQueryError for unsupported command orders. */
export function buildPlan(q: Query): Plan {
  return new PlanBuilder(q.text).build(q.commands);
}

class PlanBuilder {
  private readonly scope = new Map<string, Binding>();
  private readonly steps: EventStep[] = [];
  private slotCount = 0;
  private readonly shown = new Map<string, Binding>();
  private fieldsSeen = false;
  private display?: { name: string; binding: Binding }[];
  private phase: Phase = 'events';
  private readonly eventOps: EventOp[] = [];
  private stats?: StatsPlan;
  private index?: IndexFilter;

  constructor(private readonly text: string) {}

  build(commands: Command[]): Plan {
    for (const cmd of commands) this.command(cmd);
    const plan = this.stats ?? this.eventsPlan();
    return this.index ? { ...plan, index: this.index } : plan;
  }

  private fail(pos: number, message: string): never {
    throw queryError(this.text, pos, message);
  }

  private resolve = (ref: FieldRef): Binding => {
    if (this.stats) return { kind: 'column', index: this.column(ref) };
    if (ref.expression) this.fail(ref.pos, `${quoteSnippet(ref.name)} can only name a column of a stats result`);
    const b = this.scope.get(ref.name);
    if (b) return b;
    return SYSTEM.has(ref.name) ? { kind: 'system', name: ref.name as SystemField } : { kind: 'json', name: ref.name };
  };

  /** The stats column a name refers to (spacing inside `count( * )` does not matter). */
  private column(ref: FieldRef): number {
    const cols = (this.stats as StatsPlan).columns;
    const squeeze = (s: string): string => s.replace(/\s+/g, '');
    let i = cols.findIndex((c) => c.name === ref.name);
    if (i < 0) i = cols.findIndex((c) => squeeze(c.name) === squeeze(ref.name));
    if (i < 0) this.fail(ref.pos, `${quoteSnippet(ref.name)} is not a column of the stats result`);
    return i;
  }

  private command(cmd: Command): void {
    const ph = this.phase;
    const after = ph === 'afterStats' || ph === 'afterStatsDedup';
    if ((ph === 'afterDedup' || ph === 'afterStatsDedup') && cmd.kind !== 'limit') {
      this.fail(cmd.pos, `Only limit can follow dedup, not ${cmd.kind}`);
    }
    switch (cmd.kind) {
      case 'fields':
      case 'parse':
        if (ph !== 'events') this.fail(cmd.pos, `${cmd.kind} after ${after ? 'stats' : 'limit'} is not supported`);
        if (cmd.kind === 'fields') this.fields(cmd);
        else this.parse(cmd);
        return;
      case 'filter': {
        if (ph === 'afterLimit') this.fail(cmd.pos, 'filter after limit is not supported');
        const condition = bindCondition(this.text, cmd.condition, this.resolve);
        if (this.stats) this.stats.ops.push({ kind: 'filter', condition });
        else this.steps.push({ kind: 'filter', condition });
        return;
      }
      case 'filterIndex': {
        if (ph !== 'events') this.fail(cmd.pos, 'filterIndex must come before stats, limit and dedup');
        if (this.index) this.fail(cmd.pos, 'Only one filterIndex command is supported');
        const b = this.resolve(cmd.field);
        if (b.kind !== 'json')
          this.fail(cmd.field.pos, `${quoteSnippet(cmd.field.name)} is not an indexable log field`);
        const values = cmd.values.map((v) => v.value);
        this.index = { field: b.name, values };
        // It filters like `filter field in [...]`; the index only lets the scan skip events.
        this.steps.push({ kind: 'filter', condition: { kind: 'in', negated: false, operand: b, values } });
        return;
      }
      case 'display':
        this.displayCmd(cmd.fields);
        return;
      case 'stats':
        if (this.stats) this.fail(cmd.pos, 'Multiple stats commands are not supported');
        if (ph !== 'events') this.fail(cmd.pos, 'stats after limit or dedup is not supported');
        if (this.display) this.fail(cmd.pos, 'display before stats is not supported');
        this.stats = this.statsPlan(cmd.aggregations, cmd.groups);
        this.phase = 'afterStats';
        return;
      case 'sort': {
        const keys = cmd.keys.map((k) => ({ binding: this.resolve(k.expr), desc: k.desc }));
        if (this.stats)
          this.stats.ops.push({ kind: 'sort', keys: keys.map((k) => ({ index: colIndex(k.binding), desc: k.desc })) });
        else this.eventOps.push({ kind: 'sort', keys });
        return;
      }
      case 'limit':
        if (this.stats) this.stats.ops.push({ kind: 'limit', count: cmd.count });
        else this.eventOps.push({ kind: 'limit', count: cmd.count });
        if (ph === 'events') this.phase = 'afterLimit';
        return;
      case 'dedup': {
        const bindings = cmd.fields.map(this.resolve);
        if (this.stats) this.stats.ops.push({ kind: 'dedup', indices: bindings.map(colIndex) });
        else this.eventOps.push({ kind: 'dedup', bindings });
        this.phase = this.stats ? 'afterStatsDedup' : 'afterDedup';
        return;
      }
    }
  }

  private fields(cmd: Extract<Command, { kind: 'fields' }>): void {
    this.fieldsSeen = true;
    for (const item of cmd.items) {
      const binding: Binding =
        item.expr.kind === 'literal' ? { kind: 'const', value: item.expr.value } : this.resolve(item.expr);
      this.scope.set(item.name, binding);
      this.shown.set(item.name, binding);
    }
  }

  private parse(cmd: Extract<Command, { kind: 'parse' }>): void {
    const source = this.resolve(cmd.source);
    const slots = cmd.names.map(() => this.slotCount++);
    this.steps.push({ kind: 'parse', source, literals: cmd.pattern.split('*'), slots });
    cmd.names.forEach((name, k) => {
      const binding: Binding = { kind: 'slot', slot: slots[k] as number };
      this.scope.set(name, binding);
      this.shown.set(name, binding);
    });
  }

  private displayCmd(fields: FieldRef[]): void {
    const items = fields.map((f) => ({ name: f.name, binding: this.resolve(f) }));
    if (this.stats) this.stats.display = items.map((i) => colIndex(i.binding));
    else this.display = items;
  }

  private statsPlan(aggregations: Extract<Command, { kind: 'stats' }>['aggregations'], groups: GroupItem[]): StatsPlan {
    const dims: StatsDim[] = groups.map((g) =>
      g.kind === 'bin' ? { kind: 'bin', periodMs: g.periodMs } : { kind: 'field', binding: this.resolve(g.field) },
    );
    const columns: OutputColumn[] = groups.map((g, k) => {
      const dim = dims[k] as StatsDim;
      return { name: g.name, format: dim.kind === 'bin' || isTime(dim.binding) ? 'time' : 'raw' };
    });
    for (const a of aggregations) columns.push({ name: a.name, format: 'aggregate' });
    return {
      kind: 'stats',
      steps: this.steps,
      slotCount: this.slotCount,
      dims,
      aggs: aggregations.map((a) => ({
        fn: a.fn,
        binding: a.field && this.resolve(a.field),
        percentile: a.percentile,
      })),
      columns,
      ops: [],
    };
  }

  private eventsPlan(): EventsPlan {
    const keys: Binding[] = [];
    const keyIndex = (b: Binding): number => {
      const id = JSON.stringify(b);
      let i = keys.findIndex((k) => JSON.stringify(k) === id);
      if (i < 0) i = keys.push(b) - 1;
      return i;
    };
    const toRowOp = (op: EventOp): RowOp =>
      op.kind === 'sort'
        ? { kind: 'sort', keys: op.keys.map((k) => ({ index: keyIndex(k.binding), desc: k.desc })) }
        : op.kind === 'dedup'
          ? { kind: 'dedup', indices: op.bindings.map(keyIndex) }
          : op;
    let i = 0;
    const order: { index: number; desc: boolean }[] = [];
    for (; i < this.eventOps.length; i++) {
      const op = this.eventOps[i] as EventOp;
      if (op.kind !== 'sort') break;
      // A later sort decides first; earlier sorts break its ties (a stable re-sort).
      order.unshift(...op.keys.map((k) => ({ index: keyIndex(k.binding), desc: k.desc })));
    }
    const first = this.eventOps[i];
    const collect: EventsPlan['collect'] =
      first?.kind === 'dedup'
        ? { kind: 'dedup', indices: first.bindings.map(keyIndex) }
        : { kind: 'top', count: first?.kind === 'limit' ? first.count : undefined };
    const after = this.eventOps.slice(i + 1).map(toRowOp);
    return {
      kind: 'events',
      steps: this.steps,
      slotCount: this.slotCount,
      keys,
      columns: this.outputColumns(),
      order,
      collect,
      after,
    };
  }

  private outputColumns(): EventsPlan['columns'] {
    let items: { name: string; binding: Binding }[];
    if (this.display) items = this.display;
    else {
      const base: [string, Binding][] = this.fieldsSeen
        ? []
        : [
            ['@timestamp', { kind: 'system', name: '@timestamp' }],
            ['@message', { kind: 'system', name: '@message' }],
          ];
      items = [...base, ...this.shown].map(([name, binding]) => ({ name, binding }));
    }
    const seen = new Set<string>();
    const columns: EventsPlan['columns'] = [];
    for (const it of items) {
      if (seen.has(it.name)) continue;
      seen.add(it.name);
      columns.push({ column: { name: it.name, format: isTime(it.binding) ? 'time' : 'raw' }, binding: it.binding });
    }
    if (!seen.has('@ptr'))
      columns.push({ column: { name: '@ptr', format: 'raw' }, binding: { kind: 'system', name: '@ptr' } });
    return columns;
  }
}

function isTime(b: Binding): boolean {
  return b.kind === 'system' && (b.name === '@timestamp' || b.name === '@ingestionTime');
}

function colIndex(b: Binding): number {
  if (b.kind !== 'column') throw new Error('internal: stats operation bound to a non-column');
  return b.index;
}
