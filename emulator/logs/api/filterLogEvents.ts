/**
 * FilterLogEvents: events of a group, interleaved across its streams in timestamp order (ascending,
 * or descending with `startFromHead: false`), matching a filter pattern. A page ends at `limit`
 * events, 1 MB, or after scanning SCAN_BUDGET events; `nextToken` then carries the direction and
 * the key of the last event looked at, so every event is returned exactly once across pages.
 */
import { FilterPatternError, ChunkEventView, matches, parseFilterPattern, type FilterPattern } from '../filterPattern';
import { formatKey, keyOf, parseKey, scan, type EventKey } from '../store/scan';
import type { LogStream } from '../store/stream';
import { cursorOf, groupOf, invalidParameter, type Handler } from './common';

const MAX_PAGE_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;
/** Events examined per call before answering with a (possibly empty) page and a nextToken. */
export const SCAN_BUDGET = 250_000;
/** Descending order is only offered from this startTime on (documented restriction). */
const DESCENDING_FROM = Date.UTC(2024, 0, 1);

function parsePattern(text: string): FilterPattern {
  try {
    return parseFilterPattern(text);
  } catch (e) {
    if (e instanceof FilterPatternError)
      throw invalidParameter(`Invalid filter pattern: ${e.message} (at character ${e.position + 1})`);
    throw e;
  }
}

/** The event id: unique within the group and stable, digits only like the real ones. */
function eventId(k: EventKey): string {
  return (
    String(Math.round(k.ts)).padStart(16, '0') +
    String(k.stream).padStart(8, '0') +
    String(k.chunk).padStart(10, '0') +
    String(k.ord).padStart(6, '0')
  );
}

/** FilterLogEvents. */
export const filterLogEvents: Handler = (state, ctx, input) => {
  const g = groupOf(state, ctx, input);
  const names = input.logStreamNames as string[] | undefined;
  const prefix = input.logStreamNamePrefix as string | undefined;
  if (names !== undefined && prefix !== undefined)
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  const patternText = (input.filterPattern as string | undefined) ?? '';
  const pattern = parsePattern(patternText);
  const startMs = (input.startTime as number | undefined) ?? -Infinity;
  const endMs = (input.endTime as number | undefined) ?? Infinity;
  let streams: LogStream[] = [...g.streams.values()];
  if (names !== undefined) streams = streams.filter((s) => names.includes(s.name));
  if (prefix !== undefined) streams = streams.filter((s) => s.name.startsWith(prefix));
  const scope =
    `FilterLogEvents:${g.logGroupArn}:${(names ?? []).join('\u0000')}:` +
    `${prefix ?? ''}:${patternText}:${startMs}:${endMs}`;

  let asc = input.startFromHead !== false;
  let after: EventKey | undefined;
  const given = input.nextToken as string | undefined;
  if (given !== undefined) {
    const cursor = cursorOf(state.paginator, scope, given);
    asc = cursor.startsWith('a|');
    after = parseKey(cursor.slice(2));
    if (!after) throw invalidParameter('The specified nextToken is invalid.');
  } else if (!asc && input.startTime !== undefined && startMs < DESCENDING_FROM) {
    throw invalidParameter(
      'startFromHead set to false is supported only when startTime is on or after Jan 1, 2024 00:00:00 UTC.',
    );
  }

  const limit = (input.limit as number | undefined) ?? 10_000;
  const view = new ChunkEventView(g.table);
  const events: Array<Record<string, unknown>> = [];
  let bytes = 0;
  let scanned = 0;
  let last: EventKey | undefined;
  let more = false;
  for (const p of scan(streams, {
    dir: asc ? 'asc' : 'desc',
    ...(after ? { after } : {}),
    startMs,
    endMs,
    now: ctx.now,
    cutoff: g.cutoff(ctx.now),
  })) {
    if (events.length >= limit || scanned >= SCAN_BUDGET) {
      more = true;
      break;
    }
    scanned++;
    if (!matches(pattern, view.at(p.chunk, p.i))) {
      last = keyOf(p);
      continue;
    }
    const size = (p.chunk.size[p.i] as number) + EVENT_OVERHEAD;
    if (bytes + size > MAX_PAGE_BYTES && events.length > 0) {
      more = true;
      break;
    }
    bytes += size;
    last = keyOf(p);
    events.push({
      logStreamName: p.stream.name,
      timestamp: last.ts,
      message: p.chunk.message(p.i),
      ingestionTime: p.chunk.ing[p.i] as number,
      eventId: eventId(last),
    });
  }
  const nextToken = more && last ? state.paginator.token(scope, `${asc ? 'a' : 'd'}|${formatKey(last)}`) : undefined;
  return { events, ...(nextToken ? { nextToken } : {}) };
};
