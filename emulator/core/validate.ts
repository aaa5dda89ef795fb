/**
 * Model-driven input validation: required members, types, string length and pattern, enums,
 * integer ranges, list and map sizes, unions (exactly one member). The messages follow the
 * sentences AWS services use, so that a client sees what it would see from AWS.
 */
import type { FieldViolation } from './awsError';
import { shapeOf, type ModelTables, type Shape } from './model';

/** A violation plus whether it is a type error (the body could not be parsed as the shape). */
export interface Violation extends FieldViolation {
  kind: 'constraint' | 'type';
}

const regexCache = new Map<string, RegExp | null>();

/** AWS patterns must match the whole value (Java `matches()`); JS needs explicit anchors. */
function compile(pattern: string): RegExp | null {
  let re = regexCache.get(pattern);
  if (re !== undefined) return re;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null; // a Java-only construct: skip rather than reject valid input
    }
  }
  regexCache.set(pattern, re);
  return re;
}

function render(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value.length > 64 ? `${value.slice(0, 61)}...` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `'${value}'`;
  // Never stringify a whole structure: a hostile body can nest deep enough to overflow the stack.
  return Array.isArray(value) ? `'[list of ${value.length}]'` : `'{structure}'`;
}

/** Validates `value` against the named shape; returns every violation found (empty = valid). */
export function validate(model: ModelTables, shapeName: string, value: unknown, path = ''): Violation[] {
  const out: Violation[] = [];
  visit(model, shapeOf(model, shapeName), value, path, out);
  return out;
}

function add(
  out: Violation[],
  name: string,
  value: unknown,
  message: string,
  kind: Violation['kind'] = 'constraint',
): void {
  out.push({ name: name || 'input', value: render(value), message, kind });
}

function visit(model: ModelTables, shape: Shape, value: unknown, path: string, out: Violation[]): void {
  if (value === undefined || value === null) return;
  switch (shape.type) {
    case 'structure':
      visitStructure(model, shape, value, path, out);
      return;
    case 'list':
      visitList(model, shape, value, path, out);
      return;
    case 'map':
      visitMap(model, shape, value, path, out);
      return;
    case 'string':
      visitString(shape, value, path, out);
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value))
        add(out, path, value, `Member must be an ${shape.type}`, 'type');
      else checkRange(shape, value, path, out, 'value');
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value))
        add(out, path, value, 'Member must be a number', 'type');
      else checkRange(shape, value, path, out, 'value');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') add(out, path, value, 'Member must be a boolean', 'type');
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string')
        add(out, path, value, 'Member must be a timestamp', 'type');
      return;
    default:
      return;
  }
}

function visitStructure(model: ModelTables, shape: Shape, value: unknown, path: string, out: Violation[]): void {
  if (typeof value !== 'object' || Array.isArray(value)) {
    add(out, path, value, 'Member must be a structure', 'type');
    return;
  }
  const obj = value as Record<string, unknown>;
  const members = shape.members ?? {};
  for (const req of shape.required ?? []) {
    if (obj[req] === undefined || obj[req] === null) add(out, join(path, req), null, 'Member must not be null');
  }
  if (shape.union) {
    const set = Object.keys(members).filter((k) => obj[k] !== undefined && obj[k] !== null);
    if (set.length !== 1)
      add(out, path, value, `Member must have exactly one of [${Object.keys(members).join(', ')}] set`);
  }
  for (const [name, ref] of Object.entries(members)) {
    if (obj[name] === undefined) continue;
    visit(model, shapeOf(model, ref.shape), obj[name], join(path, name), out);
  }
}

function visitList(model: ModelTables, shape: Shape, value: unknown, path: string, out: Violation[]): void {
  if (!Array.isArray(value)) {
    add(out, path, value, 'Member must be a list', 'type');
    return;
  }
  checkRange(shape, value.length, path, out, 'length', value);
  if (!shape.member) return;
  const memberShape = shapeOf(model, shape.member.shape);
  value.forEach((item, i) => {
    if (item === null || item === undefined) add(out, `${path}[${i}]`, null, 'Member must not be null');
    else visit(model, memberShape, item, `${path}[${i}]`, out);
  });
}

function visitMap(model: ModelTables, shape: Shape, value: unknown, path: string, out: Violation[]): void {
  if (typeof value !== 'object' || Array.isArray(value)) {
    add(out, path, value, 'Member must be a map', 'type');
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  checkRange(shape, entries.length, path, out, 'length', value);
  for (const [k, v] of entries) {
    if (shape.key) visit(model, shapeOf(model, shape.key.shape), k, `${path}.key`, out);
    if (shape.value) visit(model, shapeOf(model, shape.value.shape), v, `${path}.${k}`, out);
  }
}

function visitString(shape: Shape, value: unknown, path: string, out: Violation[]): void {
  if (typeof value !== 'string') {
    add(out, path, value, 'Member must be a string', 'type');
    return;
  }
  checkRange(shape, [...value].length, path, out, 'length', value);
  if (shape.enum && !shape.enum.includes(value)) {
    add(out, path, value, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  }
  if (shape.pattern) {
    const re = compile(shape.pattern);
    if (re && !re.test(value))
      add(out, path, value, `Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
}

function checkRange(
  shape: Shape,
  n: number,
  path: string,
  out: Violation[],
  what: 'value' | 'length',
  shown: unknown = n,
): void {
  if (shape.min !== undefined && n < shape.min)
    add(out, path, shown, `Member must have ${what} greater than or equal to ${shape.min}`);
  if (shape.max !== undefined && n > shape.max)
    add(out, path, shown, `Member must have ${what} less than or equal to ${shape.max}`);
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}
