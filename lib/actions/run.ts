/**
 * The one path of every server action: authenticate → authorize → validate (zod) → call → Result.
 * 'use server' files stay thin: each exported action is one `runAction(...)` call. Mutations are
 * refused on the server for viewers and in read-only mode, whatever the UI showed.
 */
import 'server-only';
import type { z } from 'zod';
import { currentUser } from '../auth/identity';
import { assertCanMutate } from '../auth/permissions';
import { getConfig, type Config } from '../config';
import { TrellisError } from '../domain/errors';
import { attempt, type Result } from '../domain/result';
import type { User } from '../domain/user';

/** What an action's body receives besides its input. */
export interface ActionContext {
  user: User;
  config: Config;
}

/** How an action is declared. */
export interface ActionSpec<I> {
  /** Name for logs and audit, e.g. `routing.updateRule`. */
  name: string;
  /** Validates the untrusted input from the browser. */
  input: z.ZodType<I>;
  /** True for anything that changes AWS state: needs the operator role and a writable console. */
  mutates: boolean;
}

/** Where the user and config come from; replaced in tests. */
export interface ActionDeps {
  user: () => Promise<User>;
  config: () => Config;
}

const defaultDeps: ActionDeps = { user: currentUser, config: getConfig };

/** Formats zod issues as one line per field: `weight: Too big: expected number to be <=999`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'input'}: ${i.message}`).join('; ');
}

/** Runs one server action; never throws (failures come back as `{ok:false, error}`). */
export function runAction<I, O>(spec: ActionSpec<I>, raw: unknown, body: (input: I, ctx: ActionContext) => Promise<O>, deps: ActionDeps = defaultDeps): Promise<Result<O>> {
  return attempt(async () => {
    const user = await deps.user();
    const config = deps.config();
    if (spec.mutates) assertCanMutate(user, config);
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) throw new TrellisError('VALIDATION', `Invalid input for ${spec.name}: ${describeIssues(parsed.error.issues)}`);
    return body(parsed.data, { user, config });
  });
}
