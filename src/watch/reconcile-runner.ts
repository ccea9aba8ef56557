// Runs one pass for the queue and reports it everywhere (status, metrics, one log line), then schedules
// the next automatic pass: the interval after a success, the backoff delay after a store failure.
import type { Backoff } from './backoff.js';
import { logReconcile, type Logger } from './log.js';
import type { WatchMetrics } from './metrics.js';
import type { Outcome } from './outcome.js';
import { intervalDelay, type PassTimer } from './pass-timer.js';
import { reconcileOnce, type ReconcileContext } from './reconcile.js';
import type { Trigger } from './triggers.js';
import type { ReconcileRecord, WatchStatus } from './watch-status.js';

export interface RunnerDeps {
  readonly context: Omit<ReconcileContext, 'signal'>;
  readonly status: WatchStatus;
  readonly metrics: WatchMetrics;
  readonly logger: Logger;
  readonly timer: PassTimer;
  readonly backoff: Backoff;
  readonly intervalMs: number;
}

/** Outcomes that mean the store (or applying to it) failed: retried with backoff rather than at the interval. */
export function needsBackoff(outcome: Outcome): boolean {
  return outcome === 'store-error' || outcome === 'apply-failed';
}

export class ReconcileRunner {
  private inFlight: AbortController | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  readonly run = async (triggers: readonly Trigger[]): Promise<void> => {
    const { status, metrics, logger } = this.deps;
    const controller = new AbortController();
    this.inFlight = controller;
    const startedAt = Date.now();
    const started = performance.now();
    status.started();
    const outcome = await reconcileOnce({ ...this.deps.context, signal: controller.signal });
    const record: ReconcileRecord = { ...outcome, triggers, startedAt, durationMs: Math.round(performance.now() - started) };
    this.inFlight = null;
    status.record(record);
    metrics.observe(record);
    logReconcile(logger, record);
    if (!controller.signal.aborted) this.scheduleNext(record.outcome);
  };

  /** Stops the apply in progress from starting further changes; changes already sent finish. */
  abort(): void {
    this.inFlight?.abort();
  }

  private scheduleNext(outcome: Outcome): void {
    const { timer, backoff, intervalMs } = this.deps;
    if (needsBackoff(outcome)) {
      timer.schedule(backoff.fail(), 'retry');
      return;
    }
    backoff.succeed();
    timer.schedule(intervalDelay(intervalMs), 'interval');
  }
}
