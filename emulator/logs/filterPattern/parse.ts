/** Entry point of the filter-pattern parser: picks the pattern form from its first character. */
import { FilterPatternError, type FilterPattern } from './ast';
import { parseJsonPattern } from './parseJson';
import { parseTerms } from './parseTerms';

/** Parses a FilterLogEvents pattern; throws FilterPatternError for invalid or unsupported ones. */
export function parseFilterPattern(pattern: string): FilterPattern {
  const lead = pattern.length - pattern.trimStart().length;
  const src = pattern.trim();
  if (src === '') return { kind: 'all' };
  try {
    if (src.startsWith('{')) return parseJsonPattern(src);
    if (src.startsWith('['))
      throw new FilterPatternError('Space-delimited filter patterns ([...]) are not supported by the emulator', 0);
    if (src.startsWith('%'))
      throw new FilterPatternError('Regular-expression filter patterns (%...%) are not supported by the emulator', 0);
    return parseTerms(src);
  } catch (e) {
    if (e instanceof FilterPatternError) throw new FilterPatternError(e.message, e.position + lead);
    throw e;
  }
}
