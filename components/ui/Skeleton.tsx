import styles from './ui.module.css';

/** Placeholder lines of a loading region; the box keeps its size so nothing shifts on arrival. */
export function Skeleton({ lines = 3, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true" className={styles.panel}>
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder lines, never reordered.
        <div key={i} className={styles.skeletonLine} style={{ width: `${90 - i * 17}%`, marginTop: i ? 10 : 0 }} />
      ))}
    </div>
  );
}

/** One shimmering placeholder line of `width` (inside a fixed-size box: no shift when data arrives). */
export function SkeletonLine({ width, className }: { width: string; className?: string }) {
  return <div className={className ? `${styles.skeletonLine} ${className}` : styles.skeletonLine} style={{ width }} />;
}
