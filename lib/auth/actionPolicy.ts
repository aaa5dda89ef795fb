/**
 * Which server actions change AWS state, by action id, so that the proxy can answer a viewer's
 * POST to one of them with HTTP 403 before Next runs it (runAction refuses it too, but a server
 * action cannot choose its HTTP status). The file is written after `next build` by
 * scripts/actionPolicy.ts, which reads each action's `runAction({... mutates ...})` from its source
 * and joins it with Next's server-reference manifest (action id → file and export).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** File name of the policy, inside the `.next` directory (copied into the standalone output). */
export const ACTION_POLICY_FILE = 'trellis-action-policy.json';

const policySchema = z.object({
  version: z.literal(1),
  actions: z.record(z.string(), z.object({ action: z.string(), mutates: z.boolean() })),
});

/** The policy file's content. */
export type ActionPolicyFile = z.infer<typeof policySchema>;

/** Lookup of a server action by id. */
export interface ActionPolicy {
  /** True for a mutating action, false for a read, undefined for an id the build does not know. */
  mutates(actionId: string): boolean | undefined;
  /** `file#export` of an action id, for logs. */
  nameOf(actionId: string): string | undefined;
}

/** A policy over parsed file content. */
export function actionPolicyOf(file: ActionPolicyFile): ActionPolicy {
  const actions = new Map(Object.entries(file.actions));
  return { mutates: (id) => actions.get(id)?.mutates, nameOf: (id) => actions.get(id)?.action };
}

/** Reads the policy from `<nextDir>/trellis-action-policy.json`; undefined when absent (dev server) or unreadable. */
export function readActionPolicy(nextDir: string = join(process.cwd(), '.next')): ActionPolicy | undefined {
  let text: string;
  try {
    text = readFileSync(join(nextDir, ACTION_POLICY_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = policySchema.safeParse(JSON.parse(text));
  return parsed.success ? actionPolicyOf(parsed.data) : undefined;
}

let cached: { policy: ActionPolicy | undefined } | undefined;

/** The policy of the running build, read once. Only production builds have one (ids differ in `next dev`). */
export function currentActionPolicy(): ActionPolicy | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  cached ??= { policy: readActionPolicy() };
  return cached.policy;
}
