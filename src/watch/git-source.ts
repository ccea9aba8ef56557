// `--repo URL|PATH --branch B`: a clone in the cache folder, fetched every --git-interval and at once when
// a webhook says the branch moved. Passes read the documents at the last fetched commit (no checkout), so
// what is reconciled is always a commit.
import { loadDesiredState, type DocumentSource } from '../config/index.js';
import { redactUrls } from '../util/safe-text.js';
import type { Trigger } from './outcome.js';
import type { DesiredSource } from './reconcile.js';
import { CoalescingQueue } from './schedule.js';

/** The parts of src/git the watcher uses. */
export interface GitOps {
  ensureClone(url: string, cacheDir: string): Promise<string>;
  fetchBranch(clonePath: string, branch: string): Promise<string>;
  gitSource(dir: string, ref: string): DocumentSource | Promise<DocumentSource>;
}

export class GitTracker {
  private current: string;

  private constructor(
    readonly repo: string,
    readonly branch: string,
    readonly clonePath: string,
    sha: string,
    private readonly git: GitOps,
  ) {
    this.current = sha;
  }

  /** Clones (or reuses the clone) and fetches once; failures here are fatal to the watcher's start. */
  static async open(repo: string, branch: string, cacheDir: string, git: GitOps): Promise<GitTracker> {
    const clonePath = await git.ensureClone(repo, cacheDir);
    const sha = await git.fetchBranch(clonePath, branch);
    return new GitTracker(repo, branch, clonePath, sha, git);
  }

  /** The branch's commit as of the last successful fetch. */
  get sha(): string {
    return this.current;
  }

  /** Fetches the branch; true when it now points at another commit. */
  async fetch(): Promise<boolean> {
    const sha = await this.git.fetchBranch(this.clonePath, this.branch);
    const moved = sha !== this.current;
    this.current = sha;
    return moved;
  }

  /** The desired state at the last fetched commit; store paths resolve against `storeDir`. */
  desired(storeDir: string): DesiredSource {
    return {
      // The address as /status and the logs show it: a token in it (https://TOKEN@host/…) is never shown.
      description: { type: 'git', repo: redactUrls(this.repo), branch: this.branch, clone: this.clonePath },
      storeDir,
      read: async () => {
        const sha = this.current;
        const result = await loadDesiredState(await this.git.gitSource(this.clonePath, sha));
        return { result, revision: sha, dirty: false };
      },
    };
  }
}

export type FetchTrigger = Extract<Trigger, 'git' | 'webhook'>;

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
  readonly clock?: () => number;
}

/** Fetches never overlap (a webhook during a fetch queues one more); a fetch that finds a new commit asks for a pass. */
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
    const at = (this.options.clock ?? Date.now)();
    try {
      const moved = await this.tracker.fetch();
      this.options.onFetched({ at, sha: this.tracker.sha, moved, error: null });
      if (moved) this.options.onMoved(triggers);
    } catch (error) {
      this.options.onFetched({ at, sha: this.tracker.sha, moved: false, error });
    }
  }
}
