/**
 * Versions of rules and default actions, for lost-update protection. The Lattice API has no
 * conditional writes, so the console writes only if the state it re-reads right before writing still
 * has the version the operator saw. A version is `<content>.<time>`: a digest of what the rule does
 * (priority, match, action) and one of its `lastUpdatedAt`. The time part catches a change that was
 * made and undone (A → B → A); it is `-` when unknown (e.g. an audit entry whose after-state could
 * not be re-read), and then only the content parts are compared. Pure.
 */
import type { RuleAction, RuleMatch } from '../domain/routing';

/** What a version covers. */
export interface VersionedState {
  priority?: number;
  match?: RuleMatch;
  action?: RuleAction;
  lastUpdatedAt?: string;
}

/** JSON with sorted keys and no undefined members, so equal states print equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** 64-bit FNV-1a of a string's UTF-16 code units, as 16 hex digits. Not cryptographic: it only detects change. */
export function digest(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** The content a version covers, normalised (header order is significant to the API and kept). */
export function versionContent(s: VersionedState): { priority?: number; match?: RuleMatch; action?: RuleAction } {
  return {
    ...(s.priority !== undefined ? { priority: s.priority } : {}),
    ...(s.match ? { match: { ...s.match, headers: s.match.headers ?? [] } } : {}),
    ...(s.action ? { action: s.action } : {}),
  };
}

/** The version of a state. */
export function versionOf(s: VersionedState): string {
  const content = digest(canonicalJson(versionContent(s)));
  const time = s.lastUpdatedAt ? digest(s.lastUpdatedAt).slice(0, 8) : '-';
  return `${content}.${time}`;
}

/** True when `current` is the version `expected` names (time parts compared only when both have one). */
export function sameVersion(expected: string, current: string): boolean {
  const [ec, et] = expected.split('.');
  const [cc, ct] = current.split('.');
  if (!ec || !cc || ec !== cc) return false;
  if (!et || !ct || et === '-' || ct === '-') return true;
  return et === ct;
}
