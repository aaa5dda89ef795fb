/**
 * Flattening of JSON messages the way Logs Insights discovers fields: nested objects and arrays
 * become dotted names (`a.b`, `list.0`), scalar leaves keep their JSON type.
 */
import type { FieldValue } from '../insights/source';

/** The fields of a JSON object message, or undefined when the message is not a JSON object. */
export function flattenMessage(message: string): Record<string, FieldValue> | undefined {
  const first = message.trimStart().charCodeAt(0);
  if (first !== 123) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const out: Record<string, FieldValue> = Object.create(null) as Record<string, FieldValue>;
  walk(parsed as Record<string, unknown>, '', out, 0);
  return out;
}

function walk(
  node: Record<string, unknown> | unknown[],
  prefix: string,
  out: Record<string, FieldValue>,
  depth: number,
): void {
  const entries: Array<[string, unknown]> = Array.isArray(node)
    ? node.map((v, i) => [String(i), v])
    : Object.entries(node);
  for (const [k, v] of entries) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') {
      if (depth < 32) walk(v as Record<string, unknown>, name, out, depth + 1);
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) {
      out[name] = v;
    }
  }
}
