/**
 * Generates the emulator's model tables (routes, success codes, shapes and their constraints) from the
 * official AWS API models in ../shared/aws-models, so that the emulator cannot drift from AWS.
 * Documentation text is dropped: only the contract is kept.
 *
 *   npm run gen:models            (writes emulator/<service>/generated/model.json)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modelsDir = resolve(process.env.AWS_MODELS_DIR ?? join(here, '../../../shared/aws-models'));

type RawShape = Record<string, unknown> & { type: string };
type RawModel = {
  metadata: Record<string, unknown>;
  operations: Record<
    string,
    {
      name: string;
      http?: { method: string; requestUri: string; responseCode?: number };
      input?: { shape: string };
      output?: { shape: string };
      errors?: { shape: string }[];
    }
  >;
  shapes: Record<string, RawShape>;
};

const KEEP_SHAPE_KEYS = [
  'type',
  'required',
  'min',
  'max',
  'pattern',
  'enum',
  'union',
  'timestampFormat',
  'error',
  'exception',
  'sensitive',
];
const KEEP_MEMBER_KEYS = [
  'shape',
  'location',
  'locationName',
  'idempotencyToken',
  'jsonvalue',
  'flattened',
  'xmlAttribute',
];

function pick(obj: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function trimShape(s: RawShape): Record<string, unknown> {
  const out = pick(s, KEEP_SHAPE_KEYS);
  if (s.members) {
    const members: Record<string, unknown> = {};
    for (const [name, m] of Object.entries(s.members as Record<string, Record<string, unknown>>))
      members[name] = pick(m, KEEP_MEMBER_KEYS);
    out.members = members;
  }
  for (const k of ['member', 'key', 'value'] as const) {
    if (s[k]) out[k] = pick(s[k] as Record<string, unknown>, KEEP_MEMBER_KEYS);
  }
  return out;
}

/** The trimmed tables of one AWS model file, exactly as written to `<service>/generated/model.json`. */
export function tablesOf(file: string, dir = modelsDir): Record<string, unknown> {
  const model = JSON.parse(readFileSync(join(dir, file), 'utf8')) as RawModel;
  const operations: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(model.operations)) {
    operations[name] = {
      ...(op.http ? { method: op.http.method, uri: op.http.requestUri, code: op.http.responseCode ?? 200 } : {}),
      ...(op.input ? { input: op.input.shape } : {}),
      ...(op.output ? { output: op.output.shape } : {}),
      errors: (op.errors ?? []).map((e) => e.shape),
    };
  }
  const shapes: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(model.shapes)) shapes[name] = trimShape(s);
  const metadata = pick(model.metadata, [
    'apiVersion',
    'protocol',
    'targetPrefix',
    'jsonVersion',
    'xmlNamespace',
    'signingName',
    'endpointPrefix',
    'serviceId',
  ]);
  return { source: `shared/aws-models/${file}`, metadata, operations, shapes };
}

/** The model files and the emulator folder each one generates into. */
export const MODELS: ReadonlyArray<{ file: string; dir: string }> = [
  { file: 'vpc-lattice-2022-11-30.service.json', dir: 'lattice' },
  { file: 'logs-2014-03-28.service.json', dir: 'logs' },
  { file: 'sts-2011-06-15.service.json', dir: 'sts' },
];

function generate(file: string, outDir: string): void {
  const body = tablesOf(file);
  const target = join(here, '..', outDir, 'generated');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'model.json'), `${JSON.stringify(body, null, 1)}\n`);
  const count = (k: string) => Object.keys(body[k] as object).length;
  console.log(`${file}: ${count('operations')} operations, ${count('shapes')} shapes → ${outDir}/generated/model.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  for (const m of MODELS) generate(m.file, m.dir);
}
