import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActionPolicy } from '../lib/auth/actionPolicy';
import { classifyActionSource, writeActionPolicy } from './actionPolicy';

const SOURCE = `'use server';
import { z } from 'zod';
import { runAction } from './run';

const SET = { name: 'routing.setWeights', input: z.object({}), mutates: true } as const;
const SPECS = { list: { name: 'routing.list', input: z.object({}), mutates: false } };

export async function listRules(raw: unknown) {
  return runAction({ name: 'routing.listRules', input: z.object({}), mutates: false }, raw, async () => 1);
}
export async function setWeights(raw: unknown) {
  return runAction(SET, raw, async () => 1);
}
export const updateRule = async (raw: unknown) =>
  runAction<{ a: 1 }, number>({ name: 'x', input: z.any(), mutates: true }, raw, async () => 1);
export async function listOther(raw: unknown) {
  return runAction(SPECS.list, raw, async () => 1);
}
export async function dynamic(raw: unknown, m: boolean) {
  return runAction({ name: 'x', input: z.any(), mutates: m }, raw, async () => 1);
}
async function hidden(raw: unknown) {
  return runAction({ name: 'x', input: z.any(), mutates: true }, raw, async () => 1);
}
export async function noRunAction() {
  return 1;
}
export { hidden as renamed };
`;

describe('classifyActionSource', () => {
  it('reads mutates from inline specs, same-file consts and const members; anything else is unknown', () => {
    expect(Object.fromEntries(classifyActionSource(SOURCE))).toEqual({
      listRules: 'reads',
      setWeights: 'mutates',
      updateRule: 'mutates',
      listOther: 'reads',
      dynamic: 'unknown',
      noRunAction: 'unknown',
      renamed: 'mutates',
    });
  });
});

describe('writeActionPolicy', () => {
  it('joins the classification with the manifest and treats unknown actions as mutating', () => {
    const root = mkdtempSync(join(tmpdir(), 'trellis-policy-'));
    mkdirSync(join(root, '.next', 'server'), { recursive: true });
    mkdirSync(join(root, 'lib', 'actions'), { recursive: true });
    writeFileSync(join(root, 'lib', 'actions', 'routing.ts'), SOURCE);
    const entry = (exportedName: string) => ({ workers: {}, filename: 'lib/actions/routing.ts', exportedName });
    writeFileSync(
      join(root, '.next', 'server', 'server-reference-manifest.json'),
      JSON.stringify({ node: { a1: entry('listRules'), b2: entry('setWeights'), c3: entry('dynamic') }, edge: {} }),
    );
    const summary = writeActionPolicy(root);
    expect(summary).toMatchObject({
      total: 3,
      mutating: ['lib/actions/routing.ts#dynamic', 'lib/actions/routing.ts#setWeights'],
      unknown: ['lib/actions/routing.ts#dynamic'],
    });
    expect(JSON.parse(readFileSync(summary.file, 'utf8')).actions.a1).toEqual({
      action: 'lib/actions/routing.ts#listRules',
      mutates: false,
    });
    const policy = readActionPolicy(join(root, '.next'));
    expect([policy?.mutates('a1'), policy?.mutates('b2'), policy?.mutates('c3'), policy?.mutates('zz')]).toEqual([
      false,
      true,
      true,
      undefined,
    ]);
  });

  it('writes an empty policy for a build without server actions', () => {
    const root = mkdtempSync(join(tmpdir(), 'trellis-policy-'));
    mkdirSync(join(root, '.next'), { recursive: true });
    expect(writeActionPolicy(root)).toMatchObject({ total: 0, mutating: [], unknown: [] });
  });
});
