// The next automatic pass: after a success, one --interval later (±10 %) to catch drift made outside
// git; after a store failure, the backoff delay instead, so a struggling store is not hammered.
import { withJitter, type Random } from './jitter.js';
import type { Trigger } from './triggers.js';

export const INTERVAL_JITTER = 0.1;

export class PassTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly fire: (trigger: Trigger) => void,
    private readonly onScheduled: (at: number | null) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Replaces any pending pass with one after `delayMs`. */
  schedule(delayMs: number, trigger: Extract<Trigger, 'interval' | 'retry'>): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.onScheduled(this.clock() + delayMs);
    this.timer = setTimeout(() => {
      this.onScheduled(null);
      this.fire(trigger);
    }, delayMs);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.onScheduled(null);
  }
}

export function intervalDelay(intervalMs: number, random?: Random): number {
  return withJitter(intervalMs, INTERVAL_JITTER, random);
}
