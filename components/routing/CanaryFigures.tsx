/** Steps of a plan and the live canary-vs-stable figures with the gate verdicts. */
import type { GateFigures, GateVerdict } from '@/lib/routing/canary/gates';
import type { CanaryStatusView } from '@/lib/routing/canary/view';
import { ErrorNote } from './ErrorNote';
import styles from './routing.module.css';
import { numClass, tableClass } from '../ui/Table';

const rate = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((n / of) * 1000) / 10} %`);
const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

function FigureCells({ f }: { f: GateFigures }) {
  return (
    <>
      <td className={numClass}>{f.requests}</td>
      <td className={numClass}>{rate(f.errors5xx, f.requests)}</td>
      <td className={numClass}>{rate(f.denied403, f.requests)}</td>
      <td className={numClass}>{ms(f.p99Ms)}</td>
    </>
  );
}

const MARK: Record<GateVerdict['verdict'], string> = { pass: '✓', fail: '✗', insufficient: '…' };

/** The figures block. */
export function CanaryFigures({
  view,
  nameOf,
}: {
  view: CanaryStatusView;
  nameOf: (arn: string | undefined) => string;
}) {
  return (
    <>
      <ol className={styles.steps} data-testid="canary-steps">
        {view.steps.map((s) => (
          <li key={s.index} className={styles[`step_${s.status}`]} data-status={s.status}>
            <strong>{s.percent} %</strong> <span>{s.status}</span>
            {s.figures ? (
              <span className={styles.muted}>
                {' '}
                · {s.figures.canary.requests} req, 5xx {rate(s.figures.canary.errors5xx, s.figures.canary.requests)},
                p99 {ms(s.figures.canary.p99Ms)}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {view.liveError ? <ErrorNote error={view.liveError} title="Live figures could not be computed" /> : null}
      {view.live ? (
        <table className={tableClass} data-testid="canary-live">
          <caption>
            This step since {new Date(view.live.startMs).toLocaleTimeString()} (access logs, Logs Insights; stable
            counts all requests to its target group)
          </caption>
          <thead>
            <tr>
              <th scope="col">Target group</th>
              <th scope="col" className={numClass}>
                Requests
              </th>
              <th scope="col" className={numClass}>
                5xx
              </th>
              <th scope="col" className={numClass}>
                403
              </th>
              <th scope="col" className={numClass}>
                p99
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">canary {nameOf(view.canaryArn)}</th>
              <FigureCells f={view.live.canary} />
            </tr>
            <tr>
              <th scope="row">stable {nameOf(view.stableArn)}</th>
              <FigureCells f={view.live.stable} />
            </tr>
          </tbody>
        </table>
      ) : null}
      {view.live ? (
        <ul className={styles.verdicts} data-testid="canary-verdicts">
          {view.live.judgement.verdicts.map((v) => (
            <li key={v.gate} className={styles[`verdict_${v.verdict}`]}>
              <span aria-hidden="true">{MARK[v.verdict]}</span> {v.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
