import styles from './banners.module.css';

/** Says plainly that the data is simulated, so nobody mistakes the demo for production. */
export function EmulatorBanner({ endpoint }: { endpoint: string }) {
  return (
    <div role="note" className={`${styles.banner} ${styles.emulator}`} data-testid="emulator-banner">
      <span className={styles.tag}>Local emulator</span>
      <span>
        Data is simulated, not AWS (endpoint <code>{endpoint}</code>)
      </span>
    </div>
  );
}

/** Permanent warning that nobody signs in and everyone has the same role. */
export function AuthOffBanner({ role }: { role: string }) {
  return (
    <div role="note" className={`${styles.banner} ${styles.authOff}`} data-testid="auth-off-banner">
      <span className={styles.tag}>Auth off</span>
      <span>Authentication is off: everyone is {role}</span>
    </div>
  );
}

/** The console refuses changes (TRELLIS_READ_ONLY). */
export function ReadOnlyBanner() {
  return (
    <div role="note" className={`${styles.banner} ${styles.readOnly}`} data-testid="read-only-banner">
      <span className={styles.tag}>Read-only</span>
      <span>Changes are disabled for everyone (TRELLIS_READ_ONLY=true)</span>
    </div>
  );
}
