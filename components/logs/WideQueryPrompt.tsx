'use client';
/** Asks before running queries that scan a wide range over many log groups (Logs Insights bills by bytes scanned). */
import { spanLabel, type TimeWindow } from '@/lib/logs/time';
import { Button } from '../ui/Button';
import styles from './logs.module.css';

interface Props {
  window: TimeWindow;
  groups: number;
  onConfirm: () => void;
  onShorter: () => void;
}

/** The confirmation. */
export function WideQueryPrompt({ window, groups, onConfirm, onShorter }: Props) {
  return (
    <section className={styles.confirm} data-testid="wide-query" aria-labelledby="wide-query-title">
      <h2 id="wide-query-title">Run a wide query?</h2>
      <p>
        This view scans {groups} log group{groups > 1 ? 's' : ''} over {spanLabel(window.endMs - window.startMs)}: about
        one pass over that window per account (the traffic pass, in slices, and the newest records). Logs Insights
        charges for the bytes each query scans, and wide queries take longer.
      </p>
      <p>Narrow the time range or the sources if you can; each panel shows what it scanned.</p>
      <div className={styles.confirmActions}>
        <Button onClick={onConfirm}>Run the queries</Button>
        <Button variant="secondary" onClick={onShorter}>
          Last hour instead
        </Button>
      </div>
    </section>
  );
}
