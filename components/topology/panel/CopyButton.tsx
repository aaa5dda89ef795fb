'use client';

import { useState } from 'react';
import styles from '../topology.module.css';

/** Copies `text` to the clipboard and says so (aria-live). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  return (
    <>
      <button
        type="button"
        className={styles.copy}
        aria-label={label}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied('yes'),
            () => setCopied('no'),
          );
          setTimeout(() => setCopied(undefined), 2000);
        }}
      >
        {copied === 'yes' ? 'copied' : copied === 'no' ? 'copy failed' : 'copy'}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {copied === 'yes' ? 'Copied to the clipboard' : ''}
      </span>
    </>
  );
}
