/** Plain-words figures for finding titles. Pure. */

/** A rate as a percent: `27 %`, `0.4 %`, `0 %`. */
export function pct(rate: number): string {
  const p = rate * 100;
  if (p === 0) return '0 %';
  if (p >= 10) return `${Math.round(p)} %`;
  if (p >= 1) return `${Math.round(p * 10) / 10} %`;
  return `${Math.max(0.1, Math.round(p * 10) / 10)} %`;
}

/** Milliseconds: `940 ms`, `1.2 s`. */
export function ms(v: number): string {
  return v >= 1000 ? `${Math.round(v / 100) / 10} s` : `${Math.round(v)} ms`;
}

/** `HH:MM:SS` UTC of an epoch ms. */
export function clock(t: number): string {
  return new Date(t).toISOString().slice(11, 19);
}

/** The last part of a principal ARN (`role/checkout`, `assumed-role/x/session`) or the value itself. */
export function shortPrincipal(p: string): string {
  const m = /^arn:aws[a-z-]*:(?:iam|sts)::\d{12}:(.+)$/.exec(p);
  return m ? m[1]! : p;
}
