/**
 * Types of the generated model tables (emulator/<service>/generated/model.json) and lookup helpers.
 * The tables come from the official AWS models by `npm run gen:models`.
 */

/** A member of a structure, list or map, with its HTTP binding. */
export interface MemberRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
}

/** One shape of the model, reduced to its contract (no documentation). */
export interface Shape {
  type:
    | 'structure'
    | 'string'
    | 'integer'
    | 'long'
    | 'boolean'
    | 'list'
    | 'map'
    | 'timestamp'
    | 'double'
    | 'float'
    | 'blob';
  required?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  union?: boolean;
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  timestampFormat?: string;
  error?: { httpStatusCode?: number; code?: string; senderFault?: boolean };
  exception?: boolean;
}

/** One operation: its HTTP binding (REST protocols only), shapes and declared errors. */
export interface Operation {
  method?: string;
  uri?: string;
  code?: number;
  input?: string;
  output?: string;
  errors: string[];
}

/** A whole generated model table. */
export interface ModelTables {
  source: string;
  metadata: Record<string, string>;
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** Narrows the JSON import of a generated model file to its type. */
export function asModel(json: unknown): ModelTables {
  const m = json as ModelTables;
  if (!m || typeof m !== 'object' || !m.operations || !m.shapes) throw new Error('not a generated model table');
  return m;
}

/** The shape by name; throws on a name the model lacks (a bug in the emulator, not user input). */
export function shapeOf(model: ModelTables, name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`model ${model.source} has no shape ${name}`);
  return s;
}
