'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { AREAS } from './areas';
import styles from './shell.module.css';

/** The main navigation; the current area is marked with aria-current. */
export function TopNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={styles.nav}>
      <ul className={styles.navList}>
        {AREAS.map((a) => {
          const current = pathname === a.href || pathname.startsWith(`${a.href}/`);
          return (
            <li key={a.href}>
              <Link href={a.href} className={styles.navLink} aria-current={current ? 'page' : undefined}>
                {a.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
