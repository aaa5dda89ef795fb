/** Arrows point down: nothing in lib imports lib/actions (the server actions and routes sit on top of lib). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = path.resolve(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'actions' && dir === LIB ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && p !== __filename ? [p] : [];
  });
}

/** Import specifiers of a file that resolve into lib/actions. */
function actionImports(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
  return specs.filter((s) => {
    const target = s.startsWith('@/') ? path.resolve(LIB, '..', s.slice(2)) : path.resolve(path.dirname(file), s);
    const actions = path.join(LIB, 'actions');
    return (s.startsWith('.') || s.startsWith('@/')) && (target === actions || target.startsWith(actions + path.sep));
  });
}

describe('lib never imports lib/actions', () => {
  it('finds such an import when there is one', () => {
    expect(actionImports(path.join(LIB, 'logs', 'x.ts'), "import { runAction } from '../actions/run';")).toEqual([
      '../actions/run',
    ]);
    expect(actionImports(path.join(LIB, 'logs', 'x.ts'), "import { y } from '@/lib/actions/logs';")).toHaveLength(1);
    expect(actionImports(path.join(LIB, 'logs', 'x.ts'), "import { y } from './actionsOf';")).toEqual([]);
  });

  it('holds for every file under lib', () => {
    const offenders = sources(LIB).flatMap((f) =>
      actionImports(f, readFileSync(f, 'utf8')).map((s) => `${path.relative(LIB, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });
});
