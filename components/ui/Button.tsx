import type { ButtonHTMLAttributes } from 'react';
import styles from './ui.module.css';

/** How a button looks: `primary` for the main action, `danger` for destructive ones, `link` without a box. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet' | 'link';
/** Height: `md` 32 px, `sm` 28 px, `xs` 24 px (panel toolbars). */
export type ButtonSize = 'md' | 'sm' | 'xs';

/** The class names of a button (for elements that must look like one, e.g. a link). */
export function buttonClass(variant: ButtonVariant = 'primary', size: ButtonSize = 'md', extra?: string): string {
  return [styles.btn, styles[variant], size === 'md' ? undefined : styles[size], extra].filter(Boolean).join(' ');
}

/** A button; `variant="secondary"` for the less important action of a pair. */
export function Button({
  variant = 'primary',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return <button type={type} className={buttonClass(variant, size, className)} {...rest} />;
}
