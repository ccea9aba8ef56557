// `--repo URL|PATH --branch B`: a clone in the cache folder, fetched on a timer or on a webhook. Passes
// read the documents at the last fetched commit (no checkout), so what is reconciled is always a commit.
import { loadDesiredState } from '../config/load.js';
import type { DocumentSource } from '../config/source.js';
import type { DesiredSource } from './desired-source.js';

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
      description: { type: 'git', repo: this.repo, branch: this.branch, clone: this.clonePath },
      storeDir,
      read: async () => {
        const sha = this.current;
        const result = await loadDesiredState(await this.git.gitSource(this.clonePath, sha));
        return { result, revision: sha, dirty: false };
      },
    };
  }
}
