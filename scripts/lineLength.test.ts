/**
 * No source line over 120 characters. Biome wraps what it can at that width; strings, comments and
 * template literals it cannot wrap are caught here. Characters are counted as code points ("→" is one),
 * as the formatter counts them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MAX = 120;
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|css)$/;

/** 1-based numbers and lengths of the lines of `text` longer than `max` characters. */
function longLines(text: string, max: number): Array<{ line: number; length: number }> {
  return text
    .split('\n')
    .map((l, i) => ({ line: i + 1, length: [...l.replace(/\r$/, '')].length }))
    .filter((l) => l.length > max);
}

/** Tracked and new (not ignored) source files, without generated code. */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out.split('\0').filter((f) => SOURCE.test(f) && !f.split('/').includes('generated') && existsSync(f));
}

describe('line length', () => {
  it('counts characters, not bytes, and reports each long line', () => {
    const text = `${'→'.repeat(MAX)}\n${'x'.repeat(MAX + 1)}\nshort\r\n${'y'.repeat(MAX)}\r`;
    expect(longLines(text, MAX)).toEqual([{ line: 2, length: MAX + 1 }]);
  });

  it(`no source line is longer than ${MAX} characters`, () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((f) =>
      longLines(readFileSync(f, 'utf8'), MAX).map((l) => `${f}:${l.line} (${l.length} characters)`),
    );
    expect(long).toEqual([]);
  });
});
