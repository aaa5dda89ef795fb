/**
 * Structured logs: one JSON object per line on stdout (CloudWatch Logs via the awslogs driver parses
 * it for Logs Insights). Never a secret: values under secret-looking keys, access keys, session
 * tokens and JWTs are replaced by `[redacted]` before anything is written.
 */

/** Severity of a line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where lines go; stdout unless a test replaces it. */
export type LogSink = (line: string) => void;

const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};
// Unit tests would drown in request and action lines; they capture them with setLogSink instead.
const defaultSink: LogSink = process.env.VITEST ? () => undefined : stdoutSink;
let sink: LogSink = defaultSink;

/** Replaces the sink (tests); without an argument restores the default (stdout; nothing under vitest). */
export function setLogSink(s?: LogSink): void {
  sink = s ?? defaultSink;
}

const SECRET_KEY =
  /secret|password|passwd|token|credential|authorization|cookie|session|externalid|private|signature|x-amzn-oidc/i;
const SECRET_VALUE = [
  /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, // AWS access key ids
  /\beyJ[A-Za-z0-9_-]{8,}={0,2}\.[A-Za-z0-9_-]+={0,2}\.[A-Za-z0-9_=-]*/g, // JWTs (ALB tokens included)
  /trellis-emulator-[a-z0-9-]*-secret/g, // the emulator's demo secrets
];
const MAX_STRING = 2_000;

/** A copy of `v` that is safe to log (see module comment). */
export function redact(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') {
    let s = v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
    for (const re of SECRET_VALUE) s = s.replace(re, '[redacted]');
    return s;
  }
  if (v === null || typeof v !== 'object') return typeof v === 'bigint' ? String(v) : v;
  if (depth > 5) return '[deep]';
  if (Array.isArray(v)) return v.slice(0, 100).map((x) => redact(x, depth + 1));
  if (v instanceof Error) return { name: v.name, message: redact(v.message, depth + 1) };
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(x, depth + 1);
  return out;
}

/** Writes one line: `{time, level, msg, ...fields}` (fields redacted; undefined ones left out). */
export function logEvent(level: LogLevel, msg: string, fields: Record<string, unknown> = {}): void {
  try {
    const safe = redact(fields) as Record<string, unknown>;
    sink(JSON.stringify({ time: new Date().toISOString(), level, msg, ...safe }));
  } catch {
    // Logging must never break a request.
  }
}
