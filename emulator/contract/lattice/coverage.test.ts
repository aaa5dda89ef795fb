/**
 * Guards the contract suite itself: every operation the emulator implements is driven through the real
 * SDK by at least one contract test, and every other operation of the model is refused (not served).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { implementedOperations } from '../../lattice/invoke';
import { latticeModel } from '../../lattice/model';

const here = dirname(fileURLToPath(import.meta.url));

describe('contract coverage', () => {
  it('sends every implemented operation through the SDK in some contract test', () => {
    const sources = readdirSync(here)
      .filter((f) => f.endsWith('.test.ts') && f !== 'coverage.test.ts')
      .map((f) => readFileSync(join(here, f), 'utf8'))
      .join('\n');
    const missing = implementedOperations.filter((op) => !new RegExp(`new ${op}Command\\(`).test(sources));
    expect(missing).toEqual([]);
  });

  it('implements the operations the brief lists and only operations of the model', () => {
    for (const op of implementedOperations) expect(latticeModel.operations[op], op).toBeDefined();
    expect(implementedOperations).toHaveLength(52);
    expect(implementedOperations.some((op) => /Resource(Configuration|Gateway)|DomainVerification/.test(op))).toBe(
      false,
    );
  });
});
