/**
 * GetLogGroupFields: the fields of the group's recent events with the share of events that have
 * each (integer percent, highest first). The window is the 15 minutes before now, or 8 minutes
 * either side of `time` (epoch seconds). At most SAMPLE_EVENTS of the newest events are examined.
 */
import { flattenMessage } from '../store/flatten';
import { scan } from '../store/scan';
import { groupOf, type Handler } from './common';

const MINUTE = 60_000;
/** Newest events examined. */
export const SAMPLE_EVENTS = 10_000;
const SYSTEM_FIELDS = ['@ingestionTime', '@log', '@logStream', '@message', '@timestamp'];

/** GetLogGroupFields. */
export const getLogGroupFields: Handler = (state, ctx, input) => {
  const g = groupOf(state, ctx, input);
  const time = input.time as number | undefined;
  const startMs = time === undefined ? ctx.now - 15 * MINUTE : time * 1000 - 8 * MINUTE;
  const endMs = time === undefined ? ctx.now : time * 1000 + 8 * MINUTE;
  const counts = new Map<string, number>();
  let n = 0;
  for (const p of scan([...g.streams.values()], {
    dir: 'desc',
    startMs,
    endMs,
    now: ctx.now,
    cutoff: g.cutoff(ctx.now),
  })) {
    if (n >= SAMPLE_EVENTS) break;
    n++;
    const shapeId = p.chunk.shape[p.i] as number;
    const names =
      shapeId !== 0
        ? [...g.table.shape(shapeId).ids].map((id) => g.table.names[id] as string)
        : Object.keys(flattenMessage(p.chunk.message(p.i)) ?? {});
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (n === 0) return { logGroupFields: [] };
  const fields = [
    ...SYSTEM_FIELDS.map((name) => ({ name, percent: 100 })),
    ...[...counts].map(([name, c]) => ({ name, percent: Math.round((c * 100) / n) })),
  ];
  fields.sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name));
  return { logGroupFields: fields };
};
