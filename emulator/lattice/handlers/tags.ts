/** Tags of any Lattice resource, by ARN. Only the owner reads or changes them (tags are not shared). */
import { parseArn } from '../arns';
import { notFound } from '../errors';
import { checkTags, requireOwner, resolve, RESOURCE_TYPE, type Env, type Handler } from './common';

function owned(env: Env, arn: string) {
  const parsed = parseArn(arn);
  if (!parsed) throw notFound('TAG', arn, `'${arn}' is not the ARN of a VPC Lattice resource the emulator knows`);
  const rec = resolve(env, parsed.kind, arn);
  requireOwner(env, rec);
  return { rec, type: RESOURCE_TYPE[parsed.kind] };
}

const list: Handler = (env, input) => ({ tags: { ...owned(env, input.resourceArn as string).rec.tags } });

const tag: Handler = (env, input) => {
  const { rec } = owned(env, input.resourceArn as string);
  rec.tags = checkTags({ ...rec.tags, ...(input.tags as Record<string, string>) });
  return {};
};

const untag: Handler = (env, input) => {
  const { rec } = owned(env, input.resourceArn as string);
  const next = { ...rec.tags };
  for (const k of input.tagKeys as string[]) delete next[k];
  rec.tags = next;
  return {};
};

/** Handlers by operation name. */
export const tagHandlers: Record<string, Handler> = {
  ListTagsForResource: list,
  TagResource: tag,
  UntagResource: untag,
};
