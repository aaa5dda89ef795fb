/**
 * PutLogEvents with the service's batch rules: chronological order, ≤ 10,000 events (model),
 * ≤ 1,048,576 bytes counting 26 bytes per event, a span of ≤ 24 h; events more than 14 days old,
 * older than the retention, or more than 2 h in the future are rejected through
 * `rejectedLogEventsInfo` while the others are stored. Sequence tokens are ignored, as AWS now does.
 */
import { groupByName, invalidParameter, streamOf, type Handler } from './common';
import { sequenceToken } from './streams';

const MAX_BATCH_BYTES = 1_048_576;
const EVENT_OVERHEAD = 26;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface InputEvent {
  timestamp: number;
  message: string;
}

/** PutLogEvents. */
export const putLogEvents: Handler = (state, ctx, input) => {
  const g = groupByName(state, ctx, input.logGroupName as string);
  const stream = streamOf(g, input.logStreamName as string);
  const events = input.logEvents as InputEvent[];
  let bytes = 0;
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as InputEvent;
    bytes += Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD;
    if (k > 0 && e.timestamp < (events[k - 1] as InputEvent).timestamp)
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
  }
  if (bytes > MAX_BATCH_BYTES)
    throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);

  const tooOld = ctx.now - 14 * DAY;
  const tooNew = ctx.now + 2 * HOUR;
  const cutoff = g.cutoff(ctx.now);
  let tooOldEnd = 0;
  while (tooOldEnd < events.length && (events[tooOldEnd] as InputEvent).timestamp < tooOld) tooOldEnd++;
  let expiredEnd = tooOldEnd;
  while (expiredEnd < events.length && (events[expiredEnd] as InputEvent).timestamp < cutoff) expiredEnd++;
  let tooNewStart = events.length;
  while (tooNewStart > expiredEnd && (events[tooNewStart - 1] as InputEvent).timestamp > tooNew) tooNewStart--;
  const accepted = events.slice(expiredEnd, tooNewStart);
  const first = accepted[0];
  const last = accepted[accepted.length - 1];
  if (first && last && last.timestamp - first.timestamp > DAY)
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');

  for (const e of accepted) g.appendMessage(stream, e.timestamp, ctx.now, e.message);
  g.sequence++;
  const rejected: Record<string, number> = {};
  if (tooOldEnd > 0) rejected.tooOldLogEventEndIndex = tooOldEnd;
  if (expiredEnd > tooOldEnd) rejected.expiredLogEventEndIndex = expiredEnd;
  if (tooNewStart < events.length) rejected.tooNewLogEventStartIndex = tooNewStart;
  return {
    nextSequenceToken: sequenceToken(g),
    ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
  };
};
