/**
 * The canary runner: started once per console process (instrumentation), it polls for plans that
 * are baking and runs one `stepPlan` tick for each. It keeps nothing that matters in memory: plans
 * are found from the `canary/` streams of the audit log (every running plan wrote an event within
 * the longest bake time) and their state is read from their tags, so a restarted or second replica
 * carries on where the others left off. Ticks never overlap within a process.
 */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { AwsClientFactory } from '../../aws/clientFactory';
import { withWriteAccess } from '../../aws/writeAccess';
import { CANARY_LIMITS, canaryResourceArn, type CanaryTarget } from './plan';
import { canaryEventsSince } from '../../audit/log';
import type { RoutingContext } from '../context';
import { stepPlan, type StepOptions, type StepOutcome } from './step';

/** Runner settings. */
export interface RunnerOptions {
  factory: AwsClientFactory;
  /** Clock (ms since the epoch); injectable for tests. */
  now?: () => number;
  pollMs?: number;
  leaseMs?: number;
  replica?: string;
  figures?: StepOptions['figures'];
}

/** The identity canary steps are audited under. */
export const RUNNER_USER = { id: 'trellis-canary-runner', name: 'Canary runner' } as const;

/** Targets with a plan event since `startMs`, one per rule or default action. */
export async function discoverTargets(factory: AwsClientFactory, startMs: number): Promise<CanaryTarget[]> {
  const events = await canaryEventsSince(factory, startMs);
  const out = new Map<string, CanaryTarget>();
  for (const e of events) {
    if (!e.listenerArn) continue;
    const t: CanaryTarget = {
      serviceArn: e.serviceArn,
      listenerArn: e.listenerArn,
      ...(e.ruleArn ? { ruleArn: e.ruleArn } : {}),
    };
    out.set(canaryResourceArn(t), t);
  }
  return [...out.values()];
}

/** A polling runner. */
export class CanaryRunner {
  readonly replica: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly o: RunnerOptions) {
    this.replica = o.replica ?? `console-${randomUUID().slice(0, 8)}`;
  }

  private ctx(): RoutingContext {
    return { factory: this.o.factory, user: RUNNER_USER, now: this.o.now ?? Date.now };
  }

  /** One pass over every baking plan (with write access: it moves traffic); what happened per target resource ARN. */
  tick(): Promise<Record<string, StepOutcome | 'error'>> {
    return withWriteAccess(`canary runner ${this.replica}`, () => this.pass());
  }

  private async pass(): Promise<Record<string, StepOutcome | 'error'>> {
    const ctx = this.ctx();
    const since = ctx.now() - (CANARY_LIMITS.maxBakeSeconds + 3600) * 1000;
    const targets = await discoverTargets(this.o.factory, since);
    const out: Record<string, StepOutcome | 'error'> = {};
    for (const t of targets) {
      try {
        out[canaryResourceArn(t)] = await stepPlan(ctx, t, {
          replica: this.replica,
          leaseMs: this.o.leaseMs ?? 30_000,
          ...(this.o.figures ? { figures: this.o.figures } : {}),
        });
      } catch (e) {
        // One plan's failure (a deleted rule, throttling) must not stop the others.
        console.error(`canary runner ${this.replica}: tick of ${canaryResourceArn(t)} failed`, e);
        out[canaryResourceArn(t)] = 'error';
      }
    }
    return out;
  }

  /** Starts polling every `pollMs` (default 5 s). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then(() => undefined)
        .catch((e: unknown) => console.error(`canary runner ${this.replica}: tick failed`, e))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.o.pollMs ?? 5_000).unref();
        });
    };
    // Unref'd: the runner never keeps a stopping server alive.
    this.timer = setTimeout(loop, 0).unref();
  }

  /** Stops polling and waits for a tick in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
