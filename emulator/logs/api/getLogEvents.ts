/**
 * GetLogEvents: events of one stream in timestamp order, paged forward (`f/` tokens) or backward
 * (`b/` tokens). Without a token, `startFromHead` picks the oldest or the newest events. As in AWS,
 * both tokens are always returned, and a page with no events returns the token it was given, which
 * is how clients know they reached the end. Events past `endTime` (exclusive) are left out; only
 * events already ingested (ingestion time ≤ now) are visible.
 */
import type { Paginator } from '../../core/pagination';
import { formatKey, keyOf, parseKey, scan, type EventKey } from '../store/scan';
import { cursorOf, groupOf, invalidParameter, streamOf, type Handler } from './common';

const MAX_PAGE_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;
/** Cursor before every event, and after every event. */
const HEAD = '^';
const TAIL = '$';

function token(paginator: Paginator, scope: string, dir: 'f' | 'b', cursor: string): string {
  return `${dir}/${paginator.token(scope, cursor)}`;
}

/** GetLogEvents. */
export const getLogEvents: Handler = (state, ctx, input) => {
  const g = groupOf(state, ctx, input);
  const stream = streamOf(g, input.logStreamName as string);
  const scope = `GetLogEvents:${g.logGroupArn}:${stream.name}:${stream.no}`;
  const limit = (input.limit as number | undefined) ?? 10_000;
  const startMs = (input.startTime as number | undefined) ?? -Infinity;
  const endMs = input.endTime === undefined ? Infinity : (input.endTime as number) - 1;
  const given = input.nextToken as string | undefined;
  let dir: 'f' | 'b' = input.startFromHead === true ? 'f' : 'b';
  let cursor = dir === 'f' ? HEAD : TAIL;
  if (given !== undefined) {
    const m = /^([fb])\/(.+)$/.exec(given);
    if (!m) throw invalidParameter('The specified nextToken is invalid.');
    dir = m[1] as 'f' | 'b';
    cursor = cursorOf(state.paginator, scope, m[2] as string);
  }
  let after: EventKey | undefined;
  const exhausted = (dir === 'f' && cursor === TAIL) || (dir === 'b' && cursor === HEAD);
  if (cursor !== HEAD && cursor !== TAIL) {
    after = parseKey(cursor);
    if (!after) throw invalidParameter('The specified nextToken is invalid.');
  }
  const picked: Array<{ key: EventKey; timestamp: number; message: string; ingestionTime: number }> = [];
  let bytes = 0;
  if (!exhausted) {
    const it = scan([stream], {
      dir: dir === 'f' ? 'asc' : 'desc',
      ...(after ? { after } : {}),
      startMs,
      endMs,
      now: ctx.now,
      cutoff: g.cutoff(ctx.now),
    });
    for (const p of it) {
      const size = (p.chunk.size[p.i] as number) + EVENT_OVERHEAD;
      if (picked.length >= limit || (bytes + size > MAX_PAGE_BYTES && picked.length > 0)) break;
      bytes += size;
      picked.push({
        key: keyOf(p),
        timestamp: p.chunk.ts[p.i] as number,
        message: p.chunk.message(p.i),
        ingestionTime: p.chunk.ing[p.i] as number,
      });
    }
  }
  if (dir === 'b') picked.reverse();
  const first = picked[0];
  const last = picked[picked.length - 1];
  const forward = last ? formatKey(last.key) : dir === 'f' ? cursor : cursor === TAIL ? HEAD : cursor;
  const backward = first ? formatKey(first.key) : cursor;
  return {
    events: picked.map(({ timestamp, message, ingestionTime }) => ({ timestamp, message, ingestionTime })),
    nextForwardToken: token(state.paginator, scope, 'f', forward),
    nextBackwardToken: token(state.paginator, scope, 'b', backward),
  };
};
