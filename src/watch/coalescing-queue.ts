// At most one reconcile runs at a time and at most one more waits. Requests that arrive while one runs
// fold into the waiting one, which remembers every trigger that asked for it: ten file saves during a
// reconcile cause one more reconcile, not ten.
export type RunFn<T extends string> = (triggers: readonly T[]) => Promise<void>;

export class CoalescingQueue<T extends string> {
  private running: Promise<void> | null = null;
  private queued = new Set<T>();
  private stopped = false;

  constructor(private readonly run: RunFn<T>) {}

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
