// When work runs. At most one reconcile (or git fetch) runs at a time and at most one more waits; the next
// automatic pass comes one --interval after a success (±10 %, to catch drift made outside git), or after
// an exponential backoff following a store failure, so a struggling store is not hammered (ReconcileLoop). Delays are
// randomised so that many watchers started together do not call the store in lockstep.
import { isSuccess, needsBackoff, type ReconcileOutcome, type ReconcileRecord, type Trigger } from './outcome.js';
import { nextDeleteAt } from './prune-grace.js';
import type { WatchStatus } from './status.js';

export type Random = () => number;

/** `ms` spread evenly over ±`fraction` of itself: 60 s at 0.1 lies in [54 s, 66 s]. */
export function withJitter(ms: number, fraction: number, random: Random = Math.random): number {
  return Math.round(ms * (1 - fraction + 2 * fraction * random()));
}

export const INTERVAL_JITTER = 0.1;

export function intervalDelay(intervalMs: number, random?: Random): number {
  return withJitter(intervalMs, INTERVAL_JITTER, random);
}

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Each delay is reduced by a random part of at most this fraction. */
  readonly jitter: number;
}

/** 1 s, 2 s, 4 s, … capped at 5 min, each shortened by up to 20 % so that it never passes the cap. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 300_000, jitter: 0.2 };

/** The delay before retry number `failures` (1 = after the first failure), before jitter. */
export function backoffCeiling(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(failures, 1) - 1, 30);
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}

export class Backoff {
  private count = 0;

  constructor(
    private readonly policy: BackoffPolicy = DEFAULT_BACKOFF,
    private readonly random: Random = Math.random,
  ) {}

  /** Consecutive failures so far. */
  get failures(): number {
    return this.count;
  }

  /** Records a failure and returns how long to wait before retrying. */
  fail(): number {
    this.count += 1;
    const ceiling = backoffCeiling(this.count, this.policy);
    return Math.round(ceiling * (1 - this.policy.jitter * this.random()));
  }

  succeed(): void {
    this.count = 0;
  }
}

/** The one pending automatic pass (interval, retry, or a held-back delete falling due); scheduling another replaces it. */
export class PassTimer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly fire: (trigger: Trigger) => void,
    private readonly onScheduled: (at: number | null) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  schedule(delayMs: number, trigger: Extract<Trigger, 'interval' | 'retry' | 'grace'>): void {
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

/**
 * Runs one at a time. Requests that arrive while one runs fold into the one waiting, which remembers every
 * trigger that asked for it: ten file saves during a reconcile cause one more reconcile, not ten.
 */
export class CoalescingQueue<T extends string> {
  private running: Promise<void> | null = null;
  private queued = new Set<T>();
  private stopped = false;

  constructor(private readonly run: (triggers: readonly T[]) => Promise<void>) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** Triggers waiting for the next run, sorted. */
  get pending(): readonly T[] {
    return [...this.queued].sort();
  }

  request(trigger: T): void {
    if (this.stopped) return;
    this.queued.add(trigger);
    if (!this.running) this.running = this.loop();
  }

  /** Drops what waits and accepts nothing more; resolves when the run in progress (if any) has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queued.clear();
    await this.running;
  }

  /** Resolves once nothing runs or waits. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    while (this.queued.size > 0 && !this.stopped) {
      const triggers = this.pending;
      this.queued = new Set();
      try {
        await this.run(triggers);
      } catch {
        // The runner reports its own failures; the queue only guarantees it keeps going.
      }
    }
    this.running = null;
  }
}

export interface LoopDeps {
  /** One pass; aborting the signal stops its apply from starting further changes. */
  readonly pass: (signal: AbortSignal) => Promise<ReconcileOutcome>;
  readonly status: WatchStatus;
  /** Sees every pass after the status has recorded it (the metrics, the log line). */
  readonly observe: (record: ReconcileRecord) => void;
  readonly intervalMs: number;
  readonly clock?: () => number;
  readonly random?: Random;
}

/**
 * Runs passes one at a time (requests during a pass fold into one more), records each, and schedules the
 * next automatic one: the interval after a success, the backoff delay after a store failure (with spec.targets, no
 * later than the interval while any target succeeds), and sooner than the interval when a delete held back by
 * --prune-grace falls due.
 */
export class ReconcileLoop {
  private readonly queue = new CoalescingQueue<Trigger>((triggers) => this.run(triggers));
  private readonly timer: PassTimer;
  private readonly backoff: Backoff;
  private readonly clock: () => number;
  private inFlight: AbortController | null = null;

  constructor(private readonly deps: LoopDeps) {
    this.clock = deps.clock ?? Date.now;
    this.timer = new PassTimer((trigger) => this.request(trigger), (at) => deps.status.scheduled(at), this.clock);
    this.backoff = new Backoff(DEFAULT_BACKOFF, deps.random);
  }

  request(trigger: Trigger): void {
    this.queue.request(trigger);
  }

  /** Resolves once no pass runs or waits. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Refuses new passes before stopping the one in flight from starting further changes; resolves when it has ended. */
  stop(): Promise<void> {
    this.timer.stop();
    const ended = this.queue.stop();
    this.inFlight?.abort();
    return ended;
  }

  private async run(triggers: readonly Trigger[]): Promise<void> {
    const controller = new AbortController();
    this.inFlight = controller;
    const startedAt = this.clock();
    const started = performance.now();
    this.deps.status.started();
    const outcome = await this.deps.pass(controller.signal);
    const record: ReconcileRecord = { ...outcome, triggers, startedAt, durationMs: Math.round(performance.now() - started) };
    this.inFlight = null;
    this.deps.status.record(record);
    this.deps.observe(record);
    if (!controller.signal.aborted) this.scheduleNext(record);
  }

  private scheduleNext(record: ReconcileRecord): void {
    if (needsBackoff(record.outcome)) {
      const retry = this.backoff.fail();
      // With spec.targets, those that succeeded keep their interval: a target that keeps failing waits no longer.
      const others = record.targets?.some((t) => isSuccess(t.outcome)) ? intervalDelay(this.deps.intervalMs, this.deps.random) : Infinity;
      if (others < retry) this.timer.schedule(others, 'interval');
      else this.timer.schedule(retry, 'retry');
      return;
    }
    this.backoff.succeed();
    const interval = intervalDelay(this.deps.intervalMs, this.deps.random);
    const due = nextDeleteAt(record.deferred);
    const grace = due === null ? Infinity : Math.max(0, due - this.clock());
    if (grace < interval) this.timer.schedule(grace, 'grace');
    else this.timer.schedule(interval, 'interval');
  }
}
