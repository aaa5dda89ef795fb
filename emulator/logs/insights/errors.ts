/**
 * Builds the InsightsQueryError of a malformed query. The message names the line (1-based) and the
 * position within that line (0-based) the way the console reports it; `position` is the 0-based
 * offset in the whole query text, which the service maps onto MalformedQueryException.
 */
import { InsightsQueryError } from './source';

/** An error at `pos` of `text`, e.g. `Unexpected symbol 'x' at line 1 position 23`. */
export function queryError(text: string, pos: number, message: string): InsightsQueryError {
  const at = Math.max(0, Math.min(pos, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return new InsightsQueryError(`${message} at line ${line} position ${at - lineStart}`, at);
}

/** A short, printable rendering of a piece of query text for error messages. */
export function quoteSnippet(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return `'${cut.replace(/[\r\n\t]/g, ' ')}'`;
}
