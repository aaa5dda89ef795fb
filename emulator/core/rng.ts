/**
 * Seeded pseudo-random numbers (mulberry32): every random choice of the emulator comes from one of
 * these, so a scenario under a seed always produces the same ids, traffic and faults.
 */
export class Rng {
  private state: number;

  constructor(seed: number | string) {
    this.state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick of an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** A string of `n` characters from `alphabet`. */
  chars(n: number, alphabet = '0123456789abcdefghijklmnopqrstuvwxyz'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.next() * alphabet.length)];
    return s;
  }

  /** A new generator whose sequence depends on this one's seed and `label`, not on call order elsewhere. */
  fork(label: string): Rng {
    return new Rng((hashString(label) ^ this.state) >>> 0);
  }

  /** The current internal state; saved with the world so that a reload continues the sequence. */
  snapshot(): number {
    return this.state;
  }

  /** Restores a state from `snapshot()`. */
  restore(state: number): void {
    this.state = state >>> 0;
  }
}

/** FNV-1a hash of a string, as a 32-bit seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
