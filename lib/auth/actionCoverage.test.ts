/**
 * Every server action in lib/actions must be classifiable by the build's action policy
 * (scripts/actionPolicy.ts): its runAction spec an object literal, or a const of the same file,
 * with a literal `mutates`. Otherwise the build treats it as mutating and viewers get 403.
 * Generic: it checks whatever actions exist, including those of features merged later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyActionSource } from '../../scripts/actionPolicy';

const dir = join(__dirname, '..', 'actions');
const serverFiles = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }))
  .filter(({ text }) => /^\s*(['"])use server\1/.test(text));

describe('server actions are classifiable as reads or mutations', () => {
  it('every exported action of every use-server file in lib/actions', () => {
    const unknown: string[] = [];
    for (const { f, text } of serverFiles) {
      for (const [name, kind] of classifyActionSource(text, f))
        if (kind === 'unknown') unknown.push(`lib/actions/${f}#${name}`);
    }
    expect(
      unknown,
      'declare each action as one runAction({ name, input, mutates: true|false }, ...) call ' +
        '(or a const spec of the same file)',
    ).toEqual([]);
  });
});
