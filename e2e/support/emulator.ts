/**
 * The one client of the emulator's control API (/_emulator/...) for every e2e spec: typed from the
 * emulator's own request schemas, throwing with the emulator's words when it refuses, and waits on
 * the emulator's state (its clock, the traffic it generated) instead of wall-clock sleeps.
 */
import { expect } from '@playwright/test';
import type { z } from 'zod';
import type { faultBody, limitBody } from '../../emulator/control/faultRoutes';
import type { resetBody } from '../../emulator/control/worldRoutes';
import type { incidentBody, trafficBody } from '../../emulator/traffic/schema';
import type { Incident } from '../../emulator/traffic/types';
import { e2eServers } from './ports';

/** GET /_emulator/traffic. */
export interface TrafficSummary {
  enabled: boolean;
  /** The emulator's clock (ms). */
  now: number;
  /** Traffic is generated up to here (ms). */
  generatedUntil?: number;
  settings?: { paused: boolean; lagMs: number; rateMultiplier: number };
  stats?: { requests: number; records: number };
}

/** The emulator's control API. */
export class EmulatorControl {
  constructor(readonly baseUrl: string = e2eServers().emulatorUrl) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_emulator${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /_emulator${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Replaces the world (default: the demo, seed 1). */
  reset(body: z.input<typeof resetBody> = { scenario: 'demo', seed: 1 }): Promise<unknown> {
    return this.call('POST', '/reset', body);
  }

  /** The demo without the 3-hour backfill and with no delivery lag (faster; logs start empty). */
  resetDemo(params: Record<string, unknown> = { backfillMinutes: 0, lagMs: 0 }): Promise<unknown> {
    return this.reset({ scenario: 'demo', seed: 1, params });
  }

  /** The traffic's settings, clock and counters. */
  traffic(): Promise<TrafficSummary> {
    return this.call('GET', '/traffic');
  }

  /** Changes the traffic (pause, rates, lag…). */
  setTraffic(body: z.input<typeof trafficBody>): Promise<TrafficSummary> {
    return this.call('POST', '/traffic', body);
  }

  /** Starts an incident; answers it with its id and start time. */
  addIncident(body: z.input<typeof incidentBody>): Promise<Incident> {
    return this.call('POST', '/incidents', body);
  }

  /** Ends every incident (their records stay). */
  endIncidents(): Promise<unknown> {
    return this.call('DELETE', '/incidents');
  }

  /** Injects a fault (errors or latency) into AWS calls. */
  addFault(body: z.input<typeof faultBody>): Promise<unknown> {
    return this.call('POST', '/faults', body);
  }

  /** Removes every fault. */
  clearFaults(): Promise<unknown> {
    return this.call('DELETE', '/faults');
  }

  /** Caps an account's AWS call rate. */
  setRateLimit(body: z.input<typeof limitBody>): Promise<unknown> {
    return this.call('POST', '/rate-limits', body);
  }

  /** Removes every rate limit. */
  clearRateLimits(): Promise<unknown> {
    return this.call('DELETE', '/rate-limits');
  }

  /** Waits until the emulator has generated traffic up to `untilMs` on its clock. */
  async waitGenerated(untilMs: number, timeout = 90_000): Promise<void> {
    await expect
      .poll(async () => (await this.traffic()).generatedUntil ?? 0, { timeout, message: 'traffic generated' })
      .toBeGreaterThanOrEqual(untilMs);
  }

  /**
   * Lets traffic run until `untilMs` (emulator clock), pauses it, and waits until every record written
   * so far is delivered to CloudWatch Logs (its clock past the last record plus the delivery lag).
   */
  async runUntilThenFreeze(untilMs: number, timeout = 90_000): Promise<void> {
    await this.waitGenerated(untilMs, timeout);
    const paused = await this.setTraffic({ paused: true });
    const deliveredAt = (paused.generatedUntil ?? paused.now) + (paused.settings?.lagMs ?? 0);
    await expect
      .poll(async () => (await this.traffic()).now, { timeout, message: 'records delivered' })
      .toBeGreaterThan(deliveredAt);
  }
}

/** The e2e emulator (E2E_EMULATOR_PORT). */
export const emulator = new EmulatorControl();
