import type { TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from 'react';
import styles from './ui.module.css';

/** The class of a data table (for tables whose markup stays in the feature). */
export const tableClass = styles.table;

/** A data table: ruled rows, small-caps header. */
export function Table({ className, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  return <table className={className ? `${styles.table} ${className}` : styles.table} {...rest} />;
}

/** A numeric cell: right-aligned tabular figures. */
export function NumCell({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={className ? `${styles.num} ${className}` : styles.num} {...rest} />;
}

/** A numeric column header. */
export function NumHeader({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th className={className ? `${styles.num} ${className}` : styles.num} {...rest} />;
}

/** The class of a numeric cell or header (for cells whose markup stays in the feature). */
export const numClass = styles.num;
