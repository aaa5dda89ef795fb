'use client';
/**
 * The routing page's selection lives in the URL (`?service=…&listener=…&rule=…|default|new`) so a
 * pasted link opens the same rule. Setters replace the URL without scrolling.
 */
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** What is selected. `rule` is a rule ARN, `default` (the listener's default action) or `new`. */
export interface RoutingSelection {
  serviceArn?: string;
  listenerArn?: string;
  rule?: string;
}

/** The selection and a setter that keeps the other parameters unless given. */
export function useRoutingSelection(): [RoutingSelection, (next: RoutingSelection) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const sel: RoutingSelection = {
    ...(params.get('service') ? { serviceArn: params.get('service')! } : {}),
    ...(params.get('listener') ? { listenerArn: params.get('listener')! } : {}),
    ...(params.get('rule') ? { rule: params.get('rule')! } : {}),
  };
  const set = useCallback(
    (next: RoutingSelection) => {
      const p = new URLSearchParams();
      if (next.serviceArn) p.set('service', next.serviceArn);
      if (next.listenerArn) p.set('listener', next.listenerArn);
      if (next.rule) p.set('rule', next.rule);
      router.replace(`${pathname}?${p.toString()}`, { scroll: false });
    },
    [router, pathname],
  );
  return [sel, set];
}
