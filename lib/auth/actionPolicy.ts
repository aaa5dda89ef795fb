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

/** The policy in `<nextDir>/trellis-action-policy.json`, or why it cannot be used. */
export function loadActionPolicy(
  nextDir: string = join(process.cwd(), '.next'),
): { policy: ActionPolicy } | { problem: string } {
  const file = join(nextDir, ACTION_POLICY_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      problem:
        `${ACTION_POLICY_FILE}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); ` +
        'without it viewers could call mutating server actions. Build with `npm run build`, which writes it.',
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: `${ACTION_POLICY_FILE}: ${file} is not valid JSON (${(e as Error).message}); rebuild.` };
  }
  const parsed = policySchema.safeParse(json);
  if (!parsed.success)
    return { problem: `${ACTION_POLICY_FILE}: ${file} is not an action policy (version 1); rebuild.` };
  return { policy: actionPolicyOf(parsed.data) };
}

/** Reads the policy from `<nextDir>/trellis-action-policy.json`; undefined when absent (dev server) or unusable. */
export function readActionPolicy(nextDir: string = join(process.cwd(), '.next')): ActionPolicy | undefined {
  const r = loadActionPolicy(nextDir);
  return 'policy' in r ? r.policy : undefined;
}

/** Problems that must stop a production server (checked at start-up by lib/startup); empty otherwise. */
export function actionPolicyStartupProblems(
  env: Record<string, string | undefined> = process.env,
  nextDir?: string,
): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const r = loadActionPolicy(nextDir);
  return 'problem' in r ? [r.problem] : [];
}

let cached: { policy: ActionPolicy } | undefined;

/**
 * The policy of the running build, read once. Only production builds have one (ids differ in `next dev`):
 * elsewhere undefined. In production a missing or unusable policy throws (the server refuses to start
 * without it, so the viewers' 403 can never silently turn off).
 */
export function currentActionPolicy(): ActionPolicy | undefined {
  if (process.env.NODE_ENV !== 'production') return undefined;
  if (!cached) {
    const r = loadActionPolicy();
    if ('problem' in r) throw new Error(r.problem);
    cached = { policy: r.policy };
  }
  return cached.policy;
}
