// What differs between HEAD and the working tree below a prefix: modified, staged, deleted and untracked
// (not ignored) files, from one `git status`.
import { git } from './run-git.js';
import type { RepoLocation } from './repo.js';

export interface WorktreeChange {
  /** Relative to the prefix, posix. */
  readonly path: string;
  /** Gone from the index or the working tree: it can be in no listing of the files present. */
  readonly deleted: boolean;
}

/** Changes under `repo.prefix`; renames are reported as a deletion and an addition. */
export async function worktreeChanges(repo: RepoLocation): Promise<WorktreeChange[]> {
  const args = ['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--ignore-submodules=all', ...(repo.prefix ? ['--', repo.prefix] : [])];
  const out = await git(repo.root, args, { code: 'GIT_READ_FAILED', message: 'cannot read the status of the working tree' });
  const base = repo.prefix ? `${repo.prefix}/` : '';
  // Each record is `XY path`; porcelain paths are relative to the repository's top whatever the folder.
  return out.toString('utf8').split('\0').filter((r) => r.length > 3 && r.slice(3).startsWith(base)).map((r) => ({
    path: r.slice(3 + base.length),
    deleted: r[0] === 'D' || r[1] === 'D',
  }));
}
