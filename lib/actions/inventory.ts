'use server';
/**
 * Server actions of the inventory: read the cross-account snapshot (cached; `refresh` re-crawls).
 */
import { z } from 'zod';
import type { Result } from '../domain/result';
import type { Snapshot } from '../domain/snapshot';
import { getSnapshot } from '../inventory';
import { runAction } from './run';

const loadInput = z.object({ refresh: z.boolean().optional() }).strict();

/** The snapshot of every configured account, as the signed-in user. */
export async function loadSnapshot(input: { refresh?: boolean } = {}): Promise<Result<Snapshot>> {
  return runAction({ name: 'inventory.loadSnapshot', input: loadInput, mutates: false }, input, (i, { user }) =>
    getSnapshot({ user: user.id, ...(i.refresh ? { refresh: true } : {}) }),
  );
}
