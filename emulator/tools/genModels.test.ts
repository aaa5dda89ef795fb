/**
 * The committed model tables are exactly what the official AWS models in ../shared/aws-models
 * generate: the emulator's routes, success codes and constraints cannot drift from AWS unnoticed.
 * (Regenerate with `npm run gen:models`.)
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODELS, tablesOf } from './genModels';

const emulatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('generated model tables', () => {
  it.each(MODELS)('$dir/generated/model.json matches $file', ({ file, dir }) => {
    const committed = JSON.parse(readFileSync(join(emulatorDir, dir, 'generated', 'model.json'), 'utf8')) as unknown;
    expect(committed).toEqual(tablesOf(file));
  });
});
