/**
 * After `next build` (called by scripts/copy-static.mjs): classify every server action of the build
 * as mutating or not, and write `.next/trellis-action-policy.json` for the proxy (see
 * lib/auth/actionPolicy.ts). An action mutates when its body calls `runAction` with a spec whose
 * `mutates` is `true`; the spec may be an object literal or a `const` of the same file. An action
 * that cannot be classified is written as mutating (viewers are refused rather than let through)
 * and reported, and lib/auth/actionCoverage.test.ts fails on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ACTION_POLICY_FILE, type ActionPolicyFile } from '../lib/auth/actionPolicy';

/** How an exported server action was classified. */
export type ActionKind = 'mutates' | 'reads' | 'unknown';

function unwrap(e: ts.Expression): ts.Expression {
  let x = e;
  while (
    ts.isAsExpression(x) ||
    ts.isSatisfiesExpression(x) ||
    ts.isParenthesizedExpression(x) ||
    ts.isTypeAssertionExpression(x)
  )
    x = x.expression;
  return x;
}

/** Top-level `const` initializers of a file, by name. */
function constants(sf: ts.SourceFile): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations)
      if (ts.isIdentifier(d.name) && d.initializer) out.set(d.name.text, d.initializer);
  }
  return out;
}

/** The `mutates` of a spec expression, if it can be read statically. */
function mutatesOf(expr: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): boolean | undefined {
  if (depth > 4) return undefined;
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    const init = consts.get(e.text);
    return init ? mutatesOf(init, consts, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const obj = unwrap(e.expression);
    const init = ts.isIdentifier(obj) ? consts.get(obj.text) : undefined;
    const holder = init ? unwrap(init) : undefined;
    if (!holder || !ts.isObjectLiteralExpression(holder)) return undefined;
    const prop = holder.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === e.name.text);
    return prop && ts.isPropertyAssignment(prop) ? mutatesOf(prop.initializer, consts, depth + 1) : undefined;
  }
  if (!ts.isObjectLiteralExpression(e)) return undefined;
  const prop = e.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'mutates');
  if (!prop || !ts.isPropertyAssignment(prop)) return undefined;
  const v = unwrap(prop.initializer);
  if (v.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (v.kind === ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

function classifyBody(node: ts.Node, consts: Map<string, ts.Expression>): ActionKind {
  const found: Array<boolean | undefined> = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'runAction') {
      const spec = n.arguments[0];
      found.push(spec ? mutatesOf(spec, consts) : undefined);
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  if (found.some((f) => f === true)) return 'mutates';
  if (found.length > 0 && found.every((f) => f === false)) return 'reads';
  return 'unknown';
}

function isExported(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefault(n: ts.Node): boolean {
  return ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** Classifies the exported functions of a `'use server'` source file: export name → kind. */
export function classifyActionSource(text: string, fileName = 'actions.ts'): Map<string, ActionKind> {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const consts = constants(sf);
  const locals = new Map<string, ts.Node>();
  const out = new Map<string, ActionKind>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name) locals.set(st.name.text, st);
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name) && d.initializer) locals.set(d.name.text, d.initializer);
  }
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && isExported(st))
      out.set(isDefault(st) ? 'default' : (st.name?.text ?? 'default'), classifyBody(st, consts));
    else if (ts.isVariableStatement(st) && isExported(st)) {
      for (const d of st.declarationList.declarations)
        if (ts.isIdentifier(d.name))
          out.set(d.name.text, d.initializer ? classifyBody(d.initializer, consts) : 'unknown');
    } else if (
      ts.isExportDeclaration(st) &&
      !st.moduleSpecifier &&
      st.exportClause &&
      ts.isNamedExports(st.exportClause)
    ) {
      for (const el of st.exportClause.elements) {
        const local = locals.get((el.propertyName ?? el.name).text);
        out.set(el.name.text, local ? classifyBody(local, consts) : 'unknown');
      }
    } else if (ts.isExportAssignment(st)) out.set('default', classifyBody(st.expression, consts));
  }
  return out;
}

const manifestSchema = (v: unknown): Record<string, { filename?: string; exportedName?: string }> => {
  const node = (v as { node?: unknown } | null)?.node;
  if (!node || typeof node !== 'object') throw new Error('server-reference-manifest.json has no "node" section');
  return node as Record<string, { filename?: string; exportedName?: string }>;
};

/** Result of `writeActionPolicy`. */
export interface PolicySummary {
  file: string;
  total: number;
  mutating: string[];
  unknown: string[];
}

/** Builds the policy of the build in `<root>/.next` and writes it there. */
export function writeActionPolicy(
  root: string,
  readText: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): PolicySummary {
  const nextDir = join(root, '.next');
  let manifestText: string;
  try {
    manifestText = readText(join(nextDir, 'server', 'server-reference-manifest.json'));
  } catch {
    manifestText = '{"node":{}}'; // a build without any server action
  }
  const manifest = manifestSchema(JSON.parse(manifestText));
  const byFile = new Map<string, Map<string, ActionKind>>();
  const policy: ActionPolicyFile = { version: 1, actions: {} };
  const mutating: string[] = [];
  const unknown: string[] = [];
  for (const [id, entry] of Object.entries(manifest)) {
    const name = `${entry.filename ?? '?'}#${entry.exportedName ?? '?'}`;
    let kinds = entry.filename ? byFile.get(entry.filename) : undefined;
    if (!kinds && entry.filename) {
      try {
        kinds = classifyActionSource(readText(join(root, entry.filename)), entry.filename);
      } catch {
        kinds = new Map();
      }
      byFile.set(entry.filename, kinds);
    }
    const kind = (entry.exportedName && kinds?.get(entry.exportedName)) || 'unknown';
    if (kind === 'unknown') unknown.push(name);
    if (kind !== 'reads') mutating.push(name);
    policy.actions[id] = { action: name, mutates: kind !== 'reads' };
  }
  const file = join(nextDir, ACTION_POLICY_FILE);
  writeFileSync(file, `${JSON.stringify(policy, null, 2)}\n`);
  return {
    file,
    total: Object.keys(policy.actions).length,
    mutating: [...new Set(mutating)].sort(),
    unknown: [...new Set(unknown)].sort(),
  };
}
