/**
 * Compact encodings of common high-cardinality strings of access logs: ISO-8601 UTC timestamps and
 * IPv4 `address:port` pairs. A string is encoded only when decoding gives it back byte for byte, so
 * messages rebuilt from the store are always exactly what was written.
 */

/** Which typed form a string has. */
export enum TypedKind {
  None = 0,
  IsoMillis = 1,
  IsoSeconds = 2,
  IpPort = 3,
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
const IP_PORT = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/;

/** The typed form of `s` and its numeric encoding, or kind None. */
export function encodeTyped(s: string): { kind: TypedKind; value: number } {
  const c = s.length;
  if ((c === 20 || c === 24) && ISO.test(s)) {
    const ms = Date.parse(s);
    if (Number.isFinite(ms)) {
      const kind = c === 24 ? TypedKind.IsoMillis : TypedKind.IsoSeconds;
      if (decodeTyped(kind, ms) === s) return { kind, value: ms };
    }
  }
  if (c >= 9 && c <= 21) {
    const m = IP_PORT.exec(s);
    if (m) {
      const parts = [m[1], m[2], m[3], m[4], m[5]].map((p) => Number(p));
      const [a, b, cc, d, port] = parts as [number, number, number, number, number];
      if (a <= 255 && b <= 255 && cc <= 255 && d <= 255 && port <= 65535) {
        const value = ((a * 256 + b) * 256 + cc) * 256 * 65536 + d * 65536 + port;
        if (decodeTyped(TypedKind.IpPort, value) === s) return { kind: TypedKind.IpPort, value };
      }
    }
  }
  return { kind: TypedKind.None, value: 0 };
}

/** The string a typed encoding stands for. */
export function decodeTyped(kind: TypedKind, value: number): string {
  if (kind === TypedKind.IsoMillis) return new Date(value).toISOString();
  if (kind === TypedKind.IsoSeconds) return `${new Date(value).toISOString().slice(0, 19)}Z`;
  const port = value % 65536;
  let ip = Math.floor(value / 65536);
  const d = ip % 256;
  ip = Math.floor(ip / 256);
  const c = ip % 256;
  ip = Math.floor(ip / 256);
  const b = ip % 256;
  const a = Math.floor(ip / 256);
  return `${a}.${b}.${c}.${d}:${port}`;
}
