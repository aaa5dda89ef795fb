import styles from './topology.module.css';

/** The topology while the first snapshot is read: the page's frame at its final size, so nothing shifts. */
export function TopologySkeleton() {
  return (
    <div className={styles.page} data-testid="topology-skeleton">
      <div className={styles.headerRow}>
        <h1 className={styles.title}>Topology</h1>
        <span className={styles.headerEnd}>Reading the accounts…</span>
      </div>
      <div className={styles.toolbar} style={{ height: 40 }} aria-hidden="true" />
      <div className={styles.skeletonCanvas} role="status" aria-busy="true">
        <span className="visually-hidden">Loading the topology…</span>
      </div>
    </div>
  );
}
