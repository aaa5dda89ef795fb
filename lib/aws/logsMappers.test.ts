import { describe, expect, it } from 'vitest';
import { toQueryResults, toRows } from './logsMappers';

describe('logs mappers', () => {
  it('turns result fields into rows, skipping fields without a name or value', () => {
    expect(toRows([[{ field: 'a', value: '1' }, { field: 'b' }, { value: 'x' }], []])).toEqual([{ a: '1' }, {}]);
  });

  it('reads a GetQueryResults answer, with zero statistics and Unknown status when missing', () => {
    expect(toQueryResults({})).toEqual({
      status: 'Unknown',
      rows: [],
      statistics: { recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 },
    });
    expect(toQueryResults({ status: 'Complete', statistics: { recordsMatched: 2 }, results: [] }).status).toBe(
      'Complete',
    );
  });
});
