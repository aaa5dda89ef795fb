/**
 * Field indexes: PutIndexPolicy, DescribeIndexPolicies, DeleteIndexPolicy, DescribeFieldIndexes. A
 * policy document is `{"Fields": ["a", …]}` and/or `{"FieldsV2": {"a": {"type": "FIELD_INDEX"}}}`; a
 * field is indexed for events ingested from the moment it entered the policy (as on AWS, older events
 * are not), which is what `filterIndex` (insights/execution) may skip by.
 */
import type { LogGroup } from '../store';
import type { IndexPolicy } from '../store/group';
import { querySource } from '../store/batch';
import { groupByIdentifier, invalidParameter, logsError, notFound, type Handler } from './common';

/** Field indexes a log group's policy may hold (the documented quota). */
export const MAX_INDEXED_FIELDS = 20;
const FIELD_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

/** The fields of a policy document, or InvalidParameterException saying what is wrong. */
export function policyFields(document: string): string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    throw invalidParameter('The policy document is not valid JSON.');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalidParameter('The policy document must be a JSON object with "Fields" or "FieldsV2".');
  const { Fields: v1, FieldsV2: v2, ...rest } = doc as Record<string, unknown>;
  if (Object.keys(rest).length > 0)
    throw invalidParameter(`Unknown key in the policy document: ${Object.keys(rest)[0]}`);
  if (v1 !== undefined && (!Array.isArray(v1) || v1.some((f) => typeof f !== 'string')))
    throw invalidParameter('"Fields" must be a list of field names.');
  if (v2 !== undefined && (typeof v2 !== 'object' || v2 === null || Array.isArray(v2)))
    throw invalidParameter('"FieldsV2" must map field names to {"type": "FIELD_INDEX" | "FACET"}.');
  const named = Object.keys((v2 ?? {}) as object);
  const fields = [...((v1 ?? []) as string[]), ...named];
  if (fields.length === 0) throw invalidParameter('The policy document must include at least one field index.');
  const bad = fields.find((f) => !FIELD_NAME.test(f));
  if (bad !== undefined) throw invalidParameter(`Invalid field index name: ${bad.slice(0, 100)}`);
  if (new Set(fields).size !== fields.length)
    throw invalidParameter('Field names within Fields and FieldsV2 must be mutually exclusive and unique.');
  if (fields.length > MAX_INDEXED_FIELDS)
    throw logsError('LimitExceededException', `A log group can have at most ${MAX_INDEXED_FIELDS} field indexes.`);
  return fields;
}

function describePolicy(g: LogGroup, p: IndexPolicy): Record<string, unknown> {
  return {
    logGroupIdentifier: g.logGroupArn,
    lastUpdateTime: p.updatedAt,
    policyDocument: p.document,
    source: 'LOG_GROUP',
  };
}

const putIndexPolicy: Handler = (state, ctx, input) => {
  const g = groupByIdentifier(state, ctx, input.logGroupIdentifier as string);
  const document = input.policyDocument as string;
  const fields = policyFields(document);
  const before = g.indexPolicy?.since ?? {};
  // A field kept from the previous policy stays indexed since then; a new one from now on.
  const since = Object.fromEntries(fields.map((f) => [f, before[f] ?? ctx.now]));
  g.indexPolicy = { document, since, updatedAt: ctx.now };
  return { indexPolicy: describePolicy(g, g.indexPolicy) };
};

const describeIndexPolicies: Handler = (state, ctx, input) => {
  const groups = (input.logGroupIdentifiers as string[]).map((id) => groupByIdentifier(state, ctx, id));
  return {
    indexPolicies: groups.flatMap((g) => (g.indexPolicy ? [describePolicy(g, g.indexPolicy)] : [])),
  };
};

const deleteIndexPolicy: Handler = (state, ctx, input) => {
  const g = groupByIdentifier(state, ctx, input.logGroupIdentifier as string);
  if (!g.indexPolicy) throw notFound('The log group has no field index policy.');
  g.indexPolicy = undefined;
  return {};
};

/** First and last timestamps of the indexed events (since the field entered the policy) that have the field. */
function eventSpan(g: LogGroup, field: string, since: number, now: number): { first?: number; last?: number } {
  let first: number | undefined;
  let last: number | undefined;
  for (const b of querySource([g], now).batches(0, now)) {
    const read = b.field(field);
    if (!read) continue;
    for (let i = 0; i < b.length; i++) {
      if (b.ingestionTime(i) < since || read(i) === undefined) continue;
      const t = b.timestamp(i);
      if (first === undefined || t < first) first = t;
      if (last === undefined || t > last) last = t;
    }
  }
  return { ...(first !== undefined ? { first } : {}), ...(last !== undefined ? { last } : {}) };
}

const describeFieldIndexes: Handler = (state, ctx, input) => {
  const groups = (input.logGroupIdentifiers as string[]).map((id) => groupByIdentifier(state, ctx, id));
  const categories = input.indexCategories as string[] | undefined;
  if (categories && !categories.includes('CUSTOM')) return { fieldIndexes: [] };
  return {
    fieldIndexes: groups.flatMap((g) =>
      Object.entries(g.indexPolicy?.since ?? {}).map(([field, since]) => {
        const span = eventSpan(g, field, since, ctx.now);
        return {
          logGroupIdentifier: g.logGroupArn,
          fieldIndexName: field,
          lastScanTime: ctx.now,
          ...(span.first !== undefined ? { firstEventTime: span.first } : {}),
          ...(span.last !== undefined ? { lastEventTime: span.last } : {}),
          type: 'FIELD_INDEX',
          indexCategory: 'CUSTOM',
        };
      }),
    ),
  };
};

/** Handlers by operation name. */
export const indexPolicyHandlers: Record<string, Handler> = {
  PutIndexPolicy: putIndexPolicy,
  DescribeIndexPolicies: describeIndexPolicies,
  DeleteIndexPolicy: deleteIndexPolicy,
  DescribeFieldIndexes: describeFieldIndexes,
};

/** For StartQuery: since when a group (by `@log` id) indexes a field, or undefined. */
export function indexedSinceOf(groups: readonly LogGroup[]): (logGroupId: string, field: string) => number | undefined {
  const byId = new Map(groups.map((g) => [g.logGroupId, g]));
  return (id, field) => byId.get(id)?.indexPolicy?.since[field];
}
