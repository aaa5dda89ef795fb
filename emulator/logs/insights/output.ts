/**
 * Result rows on the wire: `{field, value}` cells with string values; cells without a value are
 * left out of the row, as GetQueryResults does.
 */
import type { OutputColumn, Row } from './planTypes';
import type { FieldValue, ResultField } from './source';
import { formatNumber, formatTimestamp, isMissing, toText } from './values';

/** One cell value as text, or undefined when the cell is left out. */
export function formatCell(v: FieldValue, format: OutputColumn['format']): string | undefined {
  if (isMissing(v)) return undefined;
  if (format === 'time' && typeof v === 'number') return formatTimestamp(v);
  if (format === 'aggregate' && typeof v === 'number') return formatNumber(v);
  return toText(v);
}

/** Renders rows; `offset` is where the columns' values start in Row.vals, `pick` selects columns. */
export function renderRows(
  rows: readonly Row[],
  columns: readonly OutputColumn[],
  offset: number,
  pick?: readonly number[],
): ResultField[][] {
  const indices = pick ?? columns.map((_, k) => k);
  return rows.map((row) => {
    const cells: ResultField[] = [];
    for (const k of indices) {
      const col = columns[k] as OutputColumn;
      const value = formatCell(row.vals[offset + k], col.format);
      if (value !== undefined) cells.push({ field: col.name, value });
    }
    return cells;
  });
}
