import type { HTMLAttributes, ReactNode } from 'react';
import styles from './ui.module.css';

/** The tone of a note: information, a warning, or an error. */
export type NoteTone = 'info' | 'warn' | 'error';

/** The class names of a note (for live regions that are not a `Note`). */
export function noteClass(tone: NoteTone, extra?: string): string {
  return [styles.note, styles[tone], extra].filter(Boolean).join(' ');
}

/** A callout: a boxed line or paragraph in the tone's colours. */
export function Note({
  tone,
  className,
  as: Tag = 'div',
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & { tone: NoteTone; as?: 'div' | 'p'; children: ReactNode }) {
  return (
    <Tag className={noteClass(tone, className)} {...rest}>
      {children}
    </Tag>
  );
}

/** A list of problems (`error`) or warnings (`warn`) in a note. */
export function NoteList({
  tone,
  items,
  className,
  ...rest
}: HTMLAttributes<HTMLUListElement> & { tone: 'warn' | 'error'; items: readonly ReactNode[] }) {
  return (
    <ul className={[styles.note, styles[tone], styles.noteList, className].filter(Boolean).join(' ')} {...rest}>
      {items.map((it, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: messages in a fixed order, redrawn whole.
        <li key={i}>{it}</li>
      ))}
    </ul>
  );
}

/** The class names of a list of problems or warnings (for lists whose markup stays in the feature). */
export function noteListClass(tone: 'warn' | 'error'): string {
  return [styles.note, styles[tone], styles.noteList].join(' ');
}
