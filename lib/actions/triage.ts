'use server';
/** Server action of the "Now" page: the ranked findings of every configured account and region. */
import { z } from 'zod';
import type { Result } from '../domain/result';
import { triageReport } from '../triage/gather';
import type { TriageReport } from '../triage/types';
import { runAction } from './run';

/** The current findings (read permission; never fails for one account: see `errors`). */
export async function getTriageReport(): Promise<Result<TriageReport>> {
  return runAction({ name: 'triage.report', input: z.undefined(), mutates: false }, undefined, (_i, { user }) =>
    triageReport({ user: user.id }),
  );
}
