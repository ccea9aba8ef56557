// Fetches the watched branch every --git-interval, and at once when a webhook says it moved. Fetches never
// overlap (a webhook during a fetch queues one more); a fetch that finds a new commit asks for a pass.
import { CoalescingQueue } from './coalescing-queue.js';
import type { GitTracker } from './git-tracker.js';
import type { Trigger } from './triggers.js';

type FetchTrigger = Extract<Trigger, 'git' | 'webhook'>;

export interface FetchReport {
  readonly at: number;
  readonly sha: string;
  readonly moved: boolean;
  readonly error: unknown;
}

export interface GitPollerOptions {
  readonly intervalMs: number;
  /** A fetch moved the branch: reconcile, naming what caused the fetch. */
  readonly onMoved: (triggers: readonly FetchTrigger[]) => void;
  readonly onFetched: (report: FetchReport) => void;
}

export class GitPoller {
  private readonly queue: CoalescingQueue<FetchTrigger>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly tracker: GitTracker, private readonly options: GitPollerOptions) {
    this.queue = new CoalescingQueue((triggers) => this.fetch(triggers));
  }

  start(): void {
    this.arm();
  }

  /** A verified webhook: fetch now rather than at the next tick. */
  fetchNow(): void {
    this.queue.request('webhook');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.queue.stop();
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.queue.request('git');
      this.arm();
    }, this.options.intervalMs);
  }

  private async fetch(triggers: readonly FetchTrigger[]): Promise<void> {
    const at = Date.now();
    try {
      const moved = await this.tracker.fetch();
      this.options.onFetched({ at, sha: this.tracker.sha, moved, error: null });
      if (moved) this.options.onMoved(triggers);
    } catch (error) {
      this.options.onFetched({ at, sha: this.tracker.sha, moved: false, error });
    }
  }
}
