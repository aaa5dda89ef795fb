'use client';
/**
 * The triage report through TanStack Query, shared by the "Now" page and the topology (one cache
 * entry): refreshed every `refreshMs` unless paused, the previous report kept on screen while the next
 * one is computed. The server action comes in as `load` (the pages pass `getTriageReport`).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Result } from '@/lib/domain/result';
import type { TriageReport } from '@/lib/triage/types';
import { unwrap } from '../routing/resultError';
import { triageKeys } from './queryKeys';

/** How a page gets the report: the `getTriageReport` server action. */
export type LoadTriageReport = () => Promise<Result<TriageReport>>;

/** The "Now" page's refresh cadence (the issue asks for 15–30 s). */
export const NOW_REFRESH_MS = 20_000;

/** The report, refreshed every `refreshMs` while `paused` is false; idle without `load`. */
export function useTriageReport(load: LoadTriageReport | undefined, paused: boolean, refreshMs = NOW_REFRESH_MS) {
  return useQuery({
    queryKey: triageKeys.report(),
    // A failed refresh throws: the query keeps the last good report as `data` and the failure as `error`.
    queryFn: async () => unwrap(await load!()),
    enabled: load !== undefined,
    retry: 1,
    placeholderData: keepPreviousData,
    refetchInterval: paused ? false : refreshMs,
    refetchOnWindowFocus: !paused,
    staleTime: 5_000,
  });
}
