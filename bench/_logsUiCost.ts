/**
 * Cost figures of `npm run bench -- logs-ui`: what one explorer view ran and scanned (read from its
 * status line), against one pass over the view's window of the queried log groups (computed in the
 * emulator, as bytesScanned of a plain `stats count(*)`), and a service's share of that window.
 */
import type { Page } from '@playwright/test';
import { runQuery } from '../emulator/logs/insights';
import type { LogGroup } from '../emulator/logs/store';
import { querySource } from '../emulator/logs/store/batch';

/** What the status line of the view says once every panel is drawn. */
export interface ViewFigures {
  queries: number;
  /** Accounts the queries ran in (one query per account and pass). */
  accounts: number;
  bytesScanned: number;
  bytesSkipped: number;
  window: { startMs: number; endMs: number };
}

/** Reads the view's status line and window from the page. */
export async function viewFigures(page: Page): Promise<ViewFigures> {
  const line = page.getByTestId('view-cost');
  const num = async (a: string) => Number((await line.getAttribute(a)) ?? Number.NaN);
  const explorer = page.getByTestId('logs-explorer');
  const at = async (a: string) => Date.parse((await explorer.getAttribute(a)) ?? '');
  return {
    queries: await num('data-queries'),
    accounts: await num('data-accounts'),
    bytesScanned: await num('data-bytes-scanned'),
    bytesSkipped: await num('data-bytes-skipped'),
    window: { startMs: await at('data-window-start'), endMs: await at('data-window-end') },
  };
}

/** Bytes one query scans over `window` of the groups (Insights includes the end second whole). */
export function onePass(groups: LogGroup[], window: { startMs: number; endMs: number }, filter = ''): number {
  const now = Date.now();
  const endMs = Math.floor(window.endMs / 1000) * 1000 + 999;
  const q = `${filter}${filter ? ' | ' : ''}stats count(*) as n`;
  return runQuery(q, querySource(groups, now), { startMs: Math.floor(window.startMs / 1000) * 1000, endMs }).statistics
    .bytesScanned;
}

/** The bytes of one service's records in the window (its share of a pass). */
export function serviceShare(groups: LogGroup[], window: { startMs: number; endMs: number }, arn: string): number {
  let bytes = 0;
  const startMs = Math.floor(window.startMs / 1000) * 1000;
  const endMs = Math.floor(window.endMs / 1000) * 1000 + 999;
  for (const b of querySource(groups, Date.now()).batches(startMs, endMs)) {
    const read = b.field('serviceArn');
    if (!read) continue;
    for (let i = 0; i < b.length; i++) {
      const t = b.timestamp(i);
      if (t >= startMs && t <= endMs && read(i) === arn) bytes += b.messageBytes(i);
    }
  }
  return bytes;
}

/** Gives groups a field index policy on the recommended fields, as if set before their records arrived. */
export function indexGroups(groups: LogGroup[]): void {
  for (const g of groups)
    g.indexPolicy = {
      document: '{"Fields": ["serviceArn", "targetGroupArn", "responseCode"]}',
      since: { serviceArn: 0, targetGroupArn: 0, responseCode: 0 },
      updatedAt: 0,
    };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

/** One line: queries and bytes of a view against one pass (and a share, with an index). */
export function costLine(v: ViewFigures, pass: number, share?: number): string {
  const x = pass > 0 ? v.bytesScanned / pass : Number.NaN;
  const where = v.accounts > 1 ? ` in ${v.accounts} accounts` : '';
  const base = `${v.queries} queries${where}, ${mb(v.bytesScanned)} scanned = ${x.toFixed(2)}× one pass (${mb(pass)})`;
  if (share === undefined) return base;
  const x2 = v.bytesScanned / Math.max(1, share);
  const vsShare = `the whole view = ${x2.toFixed(2)}× the service's share ${mb(share)} (target ≤ 1.10×)`;
  return `${base}; ${mb(v.bytesSkipped)} skipped; ${vsShare}`;
}
