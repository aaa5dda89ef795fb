'use server';
/**
 * Server actions of the shell: the call budget in use per account (for the account indicator).
 */
import { z } from 'zod';
import type { Result } from '../domain/result';
import { callBudgets, type AccountBudget } from '../shell/callBudgets';
import { runAction } from './run';

const budgetsInput = z.object({}).strict();

/** VPC Lattice requests of the last second against the budget, per configured account. */
export async function loadCallBudgets(): Promise<Result<AccountBudget[]>> {
  return runAction({ name: 'shell.loadCallBudgets', input: budgetsInput, mutates: false }, {}, () => callBudgets());
}
