/**
 * Guards the contract suite itself: every operation the emulator implements is driven through the real
 * SDK by at least one contract test, and the emulator implements every operation of the model.
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

  it('implements every operation of the model and nothing else', () => {
    for (const op of implementedOperations) expect(latticeModel.operations[op], op).toBeDefined();
    const unimplemented = Object.keys(latticeModel.operations).filter((op) => !implementedOperations.includes(op));
    expect(unimplemented).toEqual([]);
    expect(implementedOperations).toHaveLength(73);
  });
});
