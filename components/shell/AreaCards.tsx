import Link from 'next/link';
import { AREAS } from './areas';
import styles from './home.module.css';

/** Landing-page cards leading to the console's areas. */
export function AreaCards() {
  return (
    <ul className={styles.cards} data-testid="area-cards">
      {AREAS.map((a) => (
        <li key={a.href}>
          <Link href={a.href} className={styles.card}>
            <span className={styles.cardTitle}>{a.label}</span>
            <span className={styles.cardText}>{a.summary}</span>
            <span className={styles.cardGo} aria-hidden="true">
              Open →
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
