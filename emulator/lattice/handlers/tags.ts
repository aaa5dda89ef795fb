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
  // Only the caller's tags are checked: a resource may carry AWS-written `aws:` tags (e.g. CloudFormation's),
  // which do not count against the caller's limit.
  const incoming = checkTags(input.tags);
  const user = Object.fromEntries(Object.entries(rec.tags).filter(([k]) => !k.toLowerCase().startsWith('aws:')));
  checkTags({ ...user, ...incoming });
  rec.tags = { ...rec.tags, ...incoming };
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
