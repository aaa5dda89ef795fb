/**
 * restJson1 for VPC Lattice, driven by the model tables: route a request by method + URI template,
 * decode its input (URI labels, querystring, headers, JSON body) and encode an operation's output
 * (JSON body with ISO-8601 timestamps, header-bound members, the model's success code).
 */
import { AwsError } from '../core/awsError';
import type { RawRequest, RawResponse } from '../core/http';
import { shapeOf, type MemberRef, type ModelTables, type Shape } from '../core/model';
import { unknownRoute, validationError } from './errors';
import { latticeModel } from './model';

type Segment = { literal: string } | { label: string };

interface Route {
  operation: string;
  method: string;
  segments: Segment[];
  literals: number;
}

function compile(model: ModelTables): Route[] {
  const routes: Route[] = [];
  for (const [operation, op] of Object.entries(model.operations)) {
    if (!op.method || !op.uri) continue;
    const segments: Segment[] = op.uri
      .split('?')[0]!
      .split('/')
      .map((s) =>
        s.startsWith('{') && s.endsWith('}') ? { label: s.slice(1, -1).replace(/\+$/, '') } : { literal: s },
      );
    routes.push({ operation, method: op.method, segments, literals: segments.filter((s) => 'literal' in s).length });
  }
  // The most specific template wins when several match (literals before labels).
  return routes.sort((a, b) => b.literals - a.literals);
}

const routes = compile(latticeModel);

/** The operation of a request and its raw (still percent-encoded) URI labels. */
export function route(method: string, rawPath: string): { operation: string; labels: Record<string, string> } {
  const parts = rawPath.split('/');
  let pathMatched = false;
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const labels: Record<string, string> = {};
    const ok = r.segments.every((seg, i) => {
      const part = parts[i]!;
      if ('literal' in seg) return seg.literal === part;
      if (part === '') return false;
      labels[seg.label] = part;
      return true;
    });
    if (!ok) continue;
    pathMatched = true;
    if (r.method === method) return { operation: r.operation, labels };
  }
  throw unknownRoute(method, rawPath + (pathMatched ? ' (the path exists for other HTTP methods)' : ''));
}

function decodeLabel(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw validationError(
      `Could not decode the URI label ${name}: invalid percent-encoding`,
      [{ name, message: 'Invalid percent-encoding' }],
      'cannotParse',
    );
  }
}

/** A string from the URI, query or a header, converted to the member's scalar type when it parses. */
function scalar(model: ModelTables, ref: MemberRef, raw: string): unknown {
  const type = shapeOf(model, ref.shape).type;
  if ((type === 'integer' || type === 'long') && /^-?\d{1,15}$/.test(raw)) return Number(raw);
  if (type === 'boolean' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw; // left as a string: the validator reports the type error as cannotParse
}

function parseBody(operation: string, body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw validationError(`The request body of ${operation} is not valid JSON`, [], 'cannotParse');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError(`The request body of ${operation} must be a JSON object`, [], 'cannotParse');
  }
  return parsed as Record<string, unknown>;
}

/** Resolves the operation of a request and decodes its input (not yet validated). */
export function decodeRequest(req: RawRequest): { operation: string; input: Record<string, unknown> } {
  const { operation, labels } = route(req.method, req.path);
  const op = latticeModel.operations[operation]!;
  const input: Record<string, unknown> = {};
  if (!op.input) return { operation, input };
  const members = shapeOf(latticeModel, op.input).members ?? {};
  const hasBodyMembers = Object.values(members).some((m) => !m.location);
  const body = hasBodyMembers ? parseBody(operation, req.body) : {};
  for (const [name, ref] of Object.entries(members)) {
    const wire = ref.locationName ?? name;
    if (ref.location === 'uri') {
      const raw = labels[wire];
      if (raw !== undefined) input[name] = scalar(latticeModel, ref, decodeLabel(wire, raw));
    } else if (ref.location === 'querystring') {
      const values = req.query.getAll(wire);
      if (values.length === 0) continue;
      const shape = shapeOf(latticeModel, ref.shape);
      if (shape.type === 'list')
        input[name] = shape.member ? values.map((v) => scalar(latticeModel, shape.member!, v)) : values;
      else input[name] = scalar(latticeModel, ref, values[values.length - 1]!);
    } else if (ref.location === 'header') {
      const raw = req.headers[wire.toLowerCase()];
      if (raw !== undefined) input[name] = scalar(latticeModel, ref, raw);
    } else if (!ref.location && body[name] !== undefined) {
      input[name] = body[name];
    }
  }
  return { operation, input };
}

/** Renders a value for the wire by its shape: only modelled members, timestamps as ISO-8601. */
export function toWire(model: ModelTables, shape: Shape, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object') return undefined;
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        if (ref.location) continue;
        const v = toWire(model, shapeOf(model, ref.shape), obj[name]);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) && shape.member
        ? value.map((v) => toWire(model, shapeOf(model, shape.member!.shape), v))
        : undefined;
    case 'map': {
      if (typeof value !== 'object') return undefined;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = shape.value ? toWire(model, shapeOf(model, shape.value.shape), v) : v;
      return out;
    }
    case 'timestamp':
      return typeof value === 'number' ? new Date(value).toISOString() : value;
    default:
      return value;
  }
}

/** Encodes an operation's output: JSON body, header-bound members, the model's success status. */
export function encodeResponse(operation: string, output: Record<string, unknown>): RawResponse {
  const op = latticeModel.operations[operation];
  if (!op) throw new AwsError('InternalServerException', 500, `no operation ${operation}`);
  const status = op.code ?? 200;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!op.output) return { status, headers, body: status === 204 ? '' : '{}' };
  const shape = shapeOf(latticeModel, op.output);
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    if (ref.location === 'header' && output[name] !== undefined)
      headers[(ref.locationName ?? name).toLowerCase()] = String(output[name]);
  }
  if (status === 204) return { status, headers, body: '' };
  return { status, headers, body: JSON.stringify(toWire(latticeModel, shape, output) ?? {}) };
}
