/**
 * Persistence of statistical findings (triage-methods §6): a candidate shows when it is confirmed (it
 * fired at this and the previous minute's evaluation, or is extreme); once shown it stays, with its last
 * figures, until CLEAR_AFTER_MS passed without firing. `firstSeen` remembers when this process first saw
 * a finding id (the onset of health findings). Per-process state keyed by finding id; time is an argument.
 */
import { CLEAR_AFTER_MS, PENDING_TTL_MS } from './constants';
import type { Candidate } from './detect/common';
import type { Finding } from './types';

interface Entry {
  finding: Finding;
  shown: boolean;
  lastFiredMs: number;
  firstSeenMs: number;
}

/** The state of one process (one per engine). */
export class Persistence {
  private readonly entries = new Map<string, Entry>();
  /** Down target ids per target group at this process's last health read of it. */
  private readonly down = new Map<string, string[]>();
  /** When a target of a group last went down since the previous read (news), by target group ARN. */
  private readonly news = new Map<string, number>();

  /** When a target of the group last went down as news (undefined: never, or only standing trouble). */
  lastNews(targetGroupArn: string): number | undefined {
    return this.news.get(targetGroupArn);
  }

  /** Records that a target of the group went down since the reference. */
  setNews(targetGroupArn: string, atMs: number): void {
    this.news.set(targetGroupArn, atMs);
  }

  /** Down target ids of a group at the last read, undefined when this process never read it. */
  lastDown(targetGroupArn: string): string[] | undefined {
    return this.down.get(targetGroupArn);
  }

  /** Groups whose last read here found targets down. */
  downGroups(): string[] {
    return [...this.down].filter(([, ids]) => ids.length > 0).map(([arn]) => arn);
  }

  /** Records a health read. */
  setDown(targetGroupArn: string, ids: string[]): void {
    this.down.set(targetGroupArn, ids);
  }

  /** When `id` was first seen by this process (`nowMs` when it is new). */
  firstSeen(id: string, nowMs: number): number {
    return this.entries.get(id)?.firstSeenMs ?? nowMs;
  }

  /**
   * Forgets the findings (and the health memory) of resources `gone` says no longer exist, so that a
   * deleted target group's finding does not outlive it for CLEAR_AFTER_MS.
   */
  forget(gone: (resourceArn: string) => boolean, resourceOf: (f: Finding) => string | undefined): void {
    for (const [id, e] of this.entries) {
      const arn = resourceOf(e.finding);
      if (arn !== undefined && gone(arn)) this.entries.delete(id);
    }
    for (const arn of [...this.down.keys()]) if (gone(arn)) this.down.delete(arn);
    for (const arn of [...this.news.keys()]) if (gone(arn)) this.news.delete(arn);
  }

  /** Applies one evaluation: the findings to show now. */
  update(candidates: readonly Candidate[], nowMs: number): Finding[] {
    const fired = new Set<string>();
    for (const c of candidates) {
      const id = c.finding.id;
      fired.add(id);
      const prev = this.entries.get(id);
      const shown =
        c.confirmed || prev?.shown === true || (prev !== undefined && nowMs - prev.lastFiredMs < PENDING_TTL_MS);
      this.entries.set(id, {
        finding: c.finding,
        shown,
        lastFiredMs: nowMs,
        firstSeenMs: prev?.firstSeenMs ?? nowMs,
      });
    }
    const out: Finding[] = [];
    for (const [id, e] of this.entries) {
      if (fired.has(id)) {
        if (e.shown) out.push(e.finding);
        continue;
      }
      const quiet = nowMs - e.lastFiredMs;
      if (e.shown && quiet < CLEAR_AFTER_MS) out.push({ ...e.finding, detail: `${e.finding.detail} (not firing now)` });
      else if (quiet >= (e.shown ? CLEAR_AFTER_MS : PENDING_TTL_MS)) this.entries.delete(id);
    }
    return out;
  }

  /** Forgets everything (tests). */
  clear(): void {
    this.entries.clear();
    this.down.clear();
    this.news.clear();
  }
}
