/**
 * The Logs Insights engine of the emulator: compile a query once, then run it over the batches of
 * the log store. See README.md in this folder for the supported language and its semantics.
 */
import type { Command } from './ast';
import { Execution, type ExecutionOptions, type QueryExecution } from './execution';
import { buildPlan } from './plan';
import type { Plan } from './planTypes';
import { parseQuery } from './parser';
import type { QuerySource, QueryStatistics, ResultField } from './source';

export { InsightsQueryError } from './source';
export type { FieldReader, FieldValue, LogBatch, QuerySource, QueryStatistics, ResultField } from './source';
export type { ExecutionOptions, QueryExecution } from './execution';

/** A checked query, ready to run any number of times. */
export interface CompiledQuery {
  readonly text: string;
}

const plans = new WeakMap<CompiledQuery, { plan: Plan; hasLimit: boolean }>();

/** Parses and checks a query; throws InsightsQueryError(message, position) like MalformedQueryException. */
export function compileQuery(text: string): CompiledQuery {
  const query = parseQuery(text);
  const compiled: CompiledQuery = Object.freeze({ text });
  plans.set(compiled, { plan: buildPlan(query), hasLimit: query.commands.some((c: Command) => c.kind === 'limit') });
  return compiled;
}

/** Starts a run of a compiled query over the time range of `opts`. */
export function startExecution(q: CompiledQuery, opts: ExecutionOptions): QueryExecution {
  const entry = plans.get(q);
  if (!entry) throw new TypeError('startExecution needs a query from compileQuery');
  return new Execution(entry.plan, opts, entry.hasLimit);
}

/** Convenience: compile + run over every batch of a source. */
export function runQuery(
  text: string,
  source: QuerySource,
  opts: ExecutionOptions,
): { results: ResultField[][]; statistics: QueryStatistics } {
  const run = startExecution(compileQuery(text), opts);
  for (const batch of source.batches(opts.startMs, opts.endMs)) run.consume(batch);
  return { results: run.results(), statistics: run.statistics() };
}
