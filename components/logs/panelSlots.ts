/**
 * How many panels may run their queries at once in this tab. The console caps the Logs Insights
 * queries one user runs per account (TRELLIS_MAX_QUERIES_PER_USER) and a panel runs one query per
 * account, so panels beyond the cap (e.g. the previous period's when comparing) wait here for a
 * slot instead of being refused.
 */

/** Gives back a slot. */
export type Release = () => void;

/** A counting semaphore whose waiters can give up (abort signal). */
export class PanelSlots {
  private active = 0;
  private readonly waiting: Array<{ grant: () => void }> = [];

  constructor(private limit: number) {}

  /** Changes the limit (the console's cap, learnt from the server); waiters start if it grew. */
  setLimit(limit: number): void {
    this.limit = Math.max(1, Math.floor(limit));
    this.pump();
  }

  /** Resolves with a release function once a slot is free; undefined if `signal` aborts first. */
  acquire(signal: AbortSignal): Promise<Release | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const entry = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          this.active++;
          let released = false;
          resolve(() => {
            if (released) return;
            released = true;
            this.active--;
            this.pump();
          });
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(undefined);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
      this.pump();
    });
  }

  /** Panels running / waiting. */
  get counts(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  private pump(): void {
    while (this.active < this.limit && this.waiting.length > 0) this.waiting.shift()!.grant();
  }
}

/** The tab's slots (the limit is set from the server's cap once known). */
export const panelSlots = new PanelSlots(15);
