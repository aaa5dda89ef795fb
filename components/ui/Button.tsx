import type { ButtonHTMLAttributes } from 'react';
import styles from './ui.module.css';

/** A button; `variant="secondary"` for the less important action of a pair. */
export function Button({
  variant = 'primary',
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' }) {
  const base = variant === 'primary' ? styles.button : styles.buttonSecondary;
  return <button type="button" className={className ? `${base} ${className}` : base} {...rest} />;
}
