/** Display helpers of the explorer: UTC times, counts, and names for ARNs. */
import { parseLatticeArn } from '@/lib/domain/arn';
import { parseLogGroupArn } from '@/lib/logs/logGroup';

/** `2024-05-01 09:00:05` (UTC). */
export function utcDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `09:00:05.123` (UTC). */
export function utcTime(ms: number, withMs = false): string {
  return new Date(ms).toISOString().slice(11, withMs ? 23 : 19);
}

/** `1,234`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share as `12.5%` / `<0.1%`. */
export function share(n: number, total: number): string {
  if (total <= 0) return '';
  const p = (n / total) * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p >= 10 ? Math.round(p) : p.toFixed(1)}%`;
}

/** The name of a Lattice resource or log group ARN, else a shorter form of the value. */
export function displayName(value: string, names: Readonly<Record<string, string>>): string {
  const known = names[value];
  if (known) return known;
  const lattice = parseLatticeArn(value);
  if (lattice) return lattice.id;
  const group = parseLogGroupArn(value);
  if (group) return group.name;
  // Role sessions: `checkout/1a2b3c4d… (333333333333)`; other IAM principals: `role/checkout (333333333333)`.
  const session = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/.exec(value);
  if (session)
    return `${session[2]}/${session[3]!.length > 12 ? `${session[3]!.slice(0, 8)}…` : session[3]} (${session[1]})`;
  const iam = /^arn:aws[a-z-]*:iam::(\d{12}):(.+)$/.exec(value);
  if (iam) return `${iam[2]} (${iam[1]})`;
  return value;
}
