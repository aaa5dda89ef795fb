'use client';
/** The "Now" page's data: the triage report on a 20 s cadence (pausable), a ticking clock for the ages. */
import { useState } from 'react';
import { errorInfoOf } from '../routing/resultError';
import { useNow } from '../topology/useNow';
import { NowView, type NowState } from './NowView';
import { NOW_REFRESH_MS, useTriageReport, type LoadTriageReport } from './useTriageReport';

interface Props {
  load: LoadTriageReport;
  accountNames: Record<string, string>;
  blockedReason?: string;
}

/** The page's client part. */
export function NowPage({ load, accountNames, blockedReason }: Props) {
  const [paused, setPaused] = useState(false);
  const now = useNow(1_000);
  const q = useTriageReport(load, paused);
  const state: NowState = {
    report: q.data,
    error: q.error ? errorInfoOf(q.error) : undefined,
    fetching: q.isFetching,
    updatedAt: q.dataUpdatedAt,
  };
  return (
    <NowView
      state={state}
      now={Math.max(now, q.dataUpdatedAt)}
      paused={paused}
      refreshSeconds={NOW_REFRESH_MS / 1000}
      onPausedChange={setPaused}
      onRefresh={() => void q.refetch()}
      accountNames={accountNames}
      {...(blockedReason ? { blockedReason } : {})}
    />
  );
}
