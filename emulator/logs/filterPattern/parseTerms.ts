/**
 * Term patterns for unstructured events: `ERROR`, `"exact phrase"`, `ERROR -DEBUG` (exclusion),
 * `?ERROR ?WARN` (any of). Terms are case-sensitive; a bare term may hold only letters, digits and
 * underscores (others must be quoted, as the CloudWatch documentation requires).
 */
import { FilterPatternError, type FilterPattern } from './ast';

interface Term {
  text: string;
  prefix: '' | '-' | '?';
  at: number;
}

function readQuoted(src: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < src.length) {
      text += src[i + 1];
      i += 2;
      continue;
    }
    if (c === '"') return { text, end: i + 1 };
    text += c;
    i++;
  }
  throw new FilterPatternError('Unterminated quoted term', start);
}

function readTerms(src: string): Term[] {
  const terms: Term[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const at = i;
    let prefix: Term['prefix'] = '';
    if (c === '-' || c === '?') {
      prefix = c;
      i++;
    }
    if (src[i] === '"') {
      const q = readQuoted(src, i);
      if (q.text === '') throw new FilterPatternError('Empty quoted term', i);
      terms.push({ text: q.text, prefix, at });
      i = q.end;
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(src.slice(i));
      if (!m)
        throw new FilterPatternError(
          `Invalid character '${src[i] ?? ''}' in term: ` +
            "terms with characters other than letters, digits or '_' must be in double quotes",
          i,
        );
      terms.push({ text: m[0], prefix, at });
      i += m[0].length;
    }
    if (i < src.length && !/\s/.test(src[i] as string))
      throw new FilterPatternError(`Invalid character '${src[i]}' after term`, i);
  }
  return terms;
}

/** Parses a non-JSON, non-delimited pattern. */
export function parseTerms(src: string): FilterPattern {
  const terms = readTerms(src);
  const optional = terms.filter((t) => t.prefix === '?');
  if (optional.length > 0) {
    const other = terms.find((t) => t.prefix !== '?');
    if (other)
      throw new FilterPatternError('The emulator does not support mixing ?term (any of) with other terms', other.at);
    return { kind: 'anyTerm', terms: optional.map((t) => t.text) };
  }
  return {
    kind: 'terms',
    include: terms.filter((t) => t.prefix === '').map((t) => t.text),
    exclude: terms.filter((t) => t.prefix === '-').map((t) => t.text),
  };
}
